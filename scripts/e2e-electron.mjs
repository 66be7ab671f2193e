// Runs the same end-to-end tests as scripts/e2e.mjs in a VS Code that @vscode/test-electron
// downloads: for machines with access to update.code.visualstudio.com.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = mkdtempSync(join(tmpdir(), 'perf-lint-e2e-'));
// The same multi-root workspace as scripts/e2e.mjs: two copied fixture folders opened together.
const folders = ['workspace', 'second'];
for (const folder of folders) cpSync(join(root, 'test-fixtures/e2e', folder), join(run, folder), { recursive: true });
const workspace = join(run, 'perf-lint-e2e.code-workspace');
writeFileSync(workspace, JSON.stringify({ folders: folders.map((folder) => ({ path: folder })) }));

let exitCode = 0;
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/client/test/e2e/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(run, 'ud')}`],
  });
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  rmSync(run, { recursive: true, force: true });
}
process.exit(exitCode);

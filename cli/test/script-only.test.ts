import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_TIMEOUT, REPO_ROOT, runCliOnInput, runJson, TempTrees, writeFiles } from './helpers';

/**
 * An API package whose admin script imports a backup helper that nothing else imports, and an
 * export helper that the API's routes import too: only the second blocks the server.
 */
const ADMIN_FOLDER = path.join(REPO_ROOT, 'test-fixtures/sync-io-in-async/projects/admin-scripts');
const ADMIN_PACKAGE = Object.fromEntries(
  (fs.readdirSync(ADMIN_FOLDER, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(ADMIN_FOLDER, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')];
    }),
);

describe('perf-lint: files only scripts import', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('does not report blocking calls in a file only scripts import, and still reports them in one a server file imports too, or none imports', () => {
    const { report } = runJson(trees.make(ADMIN_PACKAGE));
    assert.deepEqual(
      report.findings.map(({ file, rule, line, column, message }) => ({ file, rule, line, column, message })),
      [
        {
          file: 'src/export-rows.ts',
          rule: 'sync-io-in-async',
          line: 6,
          column: 3,
          message:
            'writeFileSync blocks the event loop in an async function; use await writeFile(...) from node:fs/promises. Other work waits while the file is written.',
        },
        {
          file: 'src/reports/monthly.ts',
          rule: 'sync-io-in-async',
          line: 5,
          column: 10,
          message:
            'readFileSync blocks the event loop in an async function; use await readFile(...) from node:fs/promises. Other work waits while the file is read.',
        },
      ],
    );
  });

  it('does not report the backup helper when it is the only file named: its importers are read from the rest of the project', () => {
    const { status, report } = runJson(trees.make(ADMIN_PACKAGE), ['--no-cache', 'admin/backup.ts']);
    assert.equal(status, 0);
    assert.deepEqual(report.findings, []);
    assert.equal(report.files, 1);
  });

  it("reads the rest of the named file's repository, not of the repository the command runs in", () => {
    const project = trees.make({ ...ADMIN_PACKAGE, '.git/HEAD': 'ref: refs/heads/main\n' });
    const elsewhere = trees.make({ '.git/HEAD': 'ref: refs/heads/main\n', 'src/index.ts': 'export const answer = 42;\n' });
    const { status, report } = runJson(elsewhere, ['--no-cache', path.join(project, 'admin/backup.ts')]);
    assert.equal(status, 0);
    assert.deepEqual(report.findings, []);
    assert.equal(report.files, 1);
  });

  it('does not report the backup helper read from standard input under its name, and reports the same text under a new name', () => {
    const root = trees.make(ADMIN_PACKAGE);
    const text = ADMIN_PACKAGE['admin/backup.ts']!;
    const asBackup = runCliOnInput(root, ['--stdin', '--stdin-filename', 'admin/backup.ts', '--format', 'json', '--no-cache'], text);
    assert.deepEqual(JSON.parse(asBackup.stdout).findings, []);
    const asNew = runCliOnInput(root, ['--stdin', '--stdin-filename', 'admin/restore.ts', '--format', 'json', '--no-cache'], text);
    assert.deepEqual(
      (JSON.parse(asNew.stdout) as { findings: { file: string; line: number; column: number; rule: string }[] }).findings.map(
        ({ file, line, column, rule }) => [file, line, column, rule],
      ),
      [['admin/restore.ts', 6, 3, 'sync-io-in-async']],
    );
  });

  it('reports the backup helper again once a server file imports it, with the cache on', () => {
    const root = trees.make(ADMIN_PACKAGE);
    const filesWithFindings = (): string[] => [...new Set(runJson(root, ['--cache-location', '.cache']).report.findings.map((finding) => finding.file))];
    assert.deepEqual(filesWithFindings(), ['src/export-rows.ts', 'src/reports/monthly.ts']);
    writeFiles(root, { 'src/restore.ts': `import { backup } from '../admin/backup';\nexport const keep = () => backup('kept', []);\n` });
    assert.deepEqual(filesWithFindings(), ['admin/backup.ts', 'src/export-rows.ts', 'src/reports/monthly.ts']);
  });

  it('follows a tsconfig path alias changed between two runs with the cache on, no source file changed', () => {
    const aliasTo = (folder: string): string => JSON.stringify({ compilerOptions: { paths: { '@admin/*': [`${folder}/*`] } } });
    const root = trees.make({
      ...ADMIN_PACKAGE,
      'tsconfig.json': aliasTo('admin'),
      'src/restore.ts': `import { backup } from '@admin/backup';\nexport const keep = () => backup('kept', []);\n`,
    });
    const filesWithFindings = (): string[] => [...new Set(runJson(root, ['--cache-location', '.cache']).report.findings.map((finding) => finding.file))];
    assert.deepEqual(filesWithFindings(), ['admin/backup.ts', 'src/export-rows.ts', 'src/reports/monthly.ts']);
    assert.deepEqual(filesWithFindings(), ['admin/backup.ts', 'src/export-rows.ts', 'src/reports/monthly.ts']);
    writeFiles(root, { 'tsconfig.json': aliasTo('tools') });
    assert.deepEqual(filesWithFindings(), ['src/export-rows.ts', 'src/reports/monthly.ts']);
  });
});

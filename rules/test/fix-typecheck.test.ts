import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { DEFAULT_OPTIONS, fixText } from '../src';
import { FIXTURES_DIR } from './annotations';

const PROJECT_DIR = path.join(FIXTURES_DIR, 'await-in-loop/typecheck');

/** The type errors of a project, as `file:line message` lines. */
function typeErrors(tsconfig: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => assert.fail(String(diagnostic.messageText)) },
  )!;
  const program = ts.createProgram(config.fileNames, config.options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1} `
      : '';
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('fixed files still type-check under their project', function () {
  this.timeout(60_000);
  let workDir: string;
  before(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-typecheck-'));
    fs.cpSync(PROJECT_DIR, workDir, { recursive: true });
  });
  after(() => fs.rmSync(workDir, { recursive: true, force: true }));

  for (const [config, source, fixes] of [
    ['tsconfig.loose.json', 'loose.ts', 5],
    ['tsconfig.strict.json', 'strict.ts', 3],
  ] as const) {
    it(`${source} with ${config}: every fix, safe or not, applied`, () => {
      const tsconfig = path.join(workDir, config);
      assert.deepEqual(typeErrors(tsconfig), [], 'the original type-checks');
      const file = path.join(workDir, source);
      const { text, fixed } = fixText(fs.readFileSync(file, 'utf8'), file, DEFAULT_OPTIONS, true);
      assert.equal(fixed, fixes);
      fs.writeFileSync(file, text);
      assert.deepEqual(typeErrors(tsconfig), []);
    });
  }
});

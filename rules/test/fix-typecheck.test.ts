import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { DEFAULT_OPTIONS, fixText, type AnalysisOptions } from '../src';
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
  before(() => (workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-typecheck-'))));
  after(() => fs.rmSync(workDir, { recursive: true, force: true }));

  const cases: Array<{ name: string; config: string; source: string; fixes: number; options?: Partial<AnalysisOptions>; uses: RegExp }> = [
    { name: 'the local helper, strict: false', config: 'tsconfig.loose.json', source: 'loose.ts', fixes: 5, uses: /^function mapWithConcurrency/m },
    { name: 'the local helper, strict', config: 'tsconfig.strict.json', source: 'strict.ts', fixes: 6, uses: /^function mapWithConcurrency/m },
    {
      name: 'a helper module the fixes create, strict',
      config: 'tsconfig.strict.json',
      source: 'strict.ts',
      fixes: 6,
      options: { helperModule: { file: 'lib/concurrency.ts', exists: false } },
      uses: /^import \{ mapWithConcurrency \} from '\.\/lib\/concurrency';$/m,
    },
    {
      name: 'p-map and p-limit, strict',
      config: 'tsconfig.packages.json',
      source: 'strict.ts',
      fixes: 6,
      options: { project: { dependencies: new Set(['p-map', 'p-limit']) } },
      uses: /^import pLimit from 'p-limit';$/m,
    },
  ];
  for (const { name, config, source, fixes, options, uses } of cases) {
    it(`${name}: every fix, safe or not, applied`, () => {
      const project = fs.mkdtempSync(path.join(workDir, 'project-'));
      fs.cpSync(PROJECT_DIR, project, { recursive: true });
      const tsconfig = path.join(project, config);
      assert.deepEqual(typeErrors(tsconfig), [], 'the original type-checks');
      const file = path.join(project, source);
      const helperModule = options?.helperModule && { ...options.helperModule, file: path.join(project, options.helperModule.file) };
      // The project's lists are parameters: the unbounded-promise-all fixes are asked for over lists of unknown origin too.
      const wide = { ruleOptions: { 'unbounded-promise-all': { reportUnknownLists: true } } };
      const result = fixText(fs.readFileSync(file, 'utf8'), file, { ...DEFAULT_OPTIONS, ...wide, ...options, ...(helperModule && { helperModule }) }, true);
      assert.equal(result.fixed, fixes);
      assert.match(result.text, uses);
      fs.writeFileSync(file, result.text);
      for (const created of result.newFiles) {
        fs.mkdirSync(path.dirname(created.file), { recursive: true });
        fs.writeFileSync(created.file, created.text);
      }
      assert.deepEqual(typeErrors(tsconfig), []);
    });
  }
});

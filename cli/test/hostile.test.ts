import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG, DEFAULT_OPTIONS, fixText } from '../../rules/src';
import { ORDINARY_CODE, ORDINARY_FILES, PARTIAL_FILES, SYNTAX_ERROR_CODE, unanalyzableFiles, writeHostileFolder } from '../../rules/test/hostile-files';
import { CLI, type CliResult, type JsonFinding, type JsonReport } from './helpers';

function runCli(cwd: string, args: readonly string[], options: SpawnSyncOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function runJson(cwd: string, args: readonly string[] = ['.'], options: SpawnSyncOptions = {}): { outcome: CliResult; report: JsonReport } {
  const outcome = runCli(cwd, [...args, '--format', 'json', '--no-cache'], options);
  assert.ok(outcome.status === 0 || outcome.status === 1, `exit ${outcome.status}\n${outcome.stderr}`);
  assert.doesNotMatch(outcome.stderr, /\n\s+at /, 'no stack trace');
  return { outcome, report: JSON.parse(outcome.stdout) as JsonReport };
}

/** A finding without its file, as `line:column-endLine:endColumn rule`. */
function where(finding: JsonFinding): string {
  return `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.rule}`;
}

function findingsOf(report: JsonReport, file: string): string[] {
  return report.findings.filter((finding) => finding.file === file).map(where);
}

function temporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-hostile-'));
}

describe('perf-lint over hostile files', function () {
  this.timeout(120_000);
  let folder: string;
  let ordinaryAlone: JsonReport;

  before(() => {
    folder = temporaryFolder();
    writeHostileFolder(folder, DEFAULT_CONFIG.maxFileSize);
    const alone = temporaryFolder();
    fs.writeFileSync(path.join(alone, 'ordinary.ts'), ORDINARY_CODE);
    ordinaryAlone = runJson(alone).report;
    fs.rmSync(alone, { recursive: true, force: true });
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('the ordinary code has findings of its own to lose', () => {
    assert.ok(findingsOf(ordinaryAlone, 'ordinary.ts').length > 0, JSON.stringify(ordinaryAlone));
  });

  it('finishes with exit 1 under --max-warnings 0, lists what it could not analyze, and reports every finding of the ordinary files', () => {
    const { outcome, report } = runJson(folder, ['.', '--max-warnings', '0']);
    assert.equal(outcome.status, 1);
    const expected = findingsOf(ordinaryAlone, 'ordinary.ts');
    for (const name of Object.keys(ORDINARY_FILES).filter((file) => file !== 'empty.ts')) {
      // The same code in each of them, with a byte order mark, CRLF, spaces or non-ASCII in the name: the same lines and columns.
      assert.deepEqual(findingsOf(report, name), expected, name);
    }
    assert.deepEqual(findingsOf(report, 'empty.ts'), []);
    for (const name of Object.keys(PARTIAL_FILES)) {
      assert.deepEqual(findingsOf(report, name), expected, `${name} keeps the findings before its syntax error`);
    }
    const skipped = new Map(report.skipped.map((entry) => [entry.file, entry.reason]));
    for (const name of [...Object.keys(unanalyzableFiles(DEFAULT_CONFIG.maxFileSize)), ...Object.keys(PARTIAL_FILES)]) {
      assert.ok(skipped.has(name), `${name} is listed as not analyzed: ${JSON.stringify(report.skipped)}`);
      assert.deepEqual(findingsOf(report, name), Object.keys(PARTIAL_FILES).includes(name) ? expected : [], name);
    }
    assert.match(skipped.get('syntax-error.ts')!, /^partially analyzed: syntax error on line 12/);
    assert.match(skipped.get('deep.ts')!, /nested too deeply/);
    assert.match(skipped.get('minified.js')!, /minified/);
    assert.match(skipped.get('binary.ts')!, /binary/);
    assert.match(skipped.get('latin1.ts')!, /UTF-8/);
    assert.match(skipped.get('huge.ts')!, /maxFileSize|size limit/);
  });

  it('says the same in its text output', () => {
    const outcome = runCli(folder, ['.', '--no-cache', '--max-warnings', '0']);
    assert.equal(outcome.status, 1, outcome.stderr);
    assert.match(outcome.stdout, /Not analyzed:/);
    for (const name of ['binary.ts', 'latin1.ts', 'deep.ts', 'minified.js', 'huge.ts', 'syntax-error.ts', 'name with spaces.ts', 'ünïcödé 名前.ts']) {
      assert.ok(outcome.stdout.includes(name), `${name} in\n${outcome.stdout}`);
    }
  });

  it('goes on past a file that cannot be read', function () {
    const unreadable = path.join(folder, 'unreadable.ts');
    fs.writeFileSync(unreadable, ORDINARY_CODE);
    fs.chmodSync(unreadable, 0o000);
    try {
      // Root reads any file whatever its mode, so as root the command runs as an unprivileged user.
      const asUser: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      if (asUser.uid !== undefined) fs.chmodSync(folder, 0o755);
      const { report } = runJson(folder, ['.'], asUser);
      assert.match(report.skipped.find((entry) => entry.file === 'unreadable.ts')?.reason ?? '', /EACCES/);
      assert.deepEqual(findingsOf(report, 'ordinary.ts'), findingsOf(ordinaryAlone, 'ordinary.ts'));
    } finally {
      fs.rmSync(unreadable, { force: true });
    }
  });
});

/**
 * Runs the command with a preloaded module that changes the file system at a chosen moment,
 * so that a file vanishing or changing during the run happens at the same point every time.
 */
function runWithFault(cwd: string, fault: string, args: readonly string[]): CliResult {
  const preload = path.join(cwd, '..', `${path.basename(cwd)}-fault.js`);
  fs.writeFileSync(preload, `const fs = require('node:fs');\n${fault}\n`);
  try {
    const result = spawnSync(process.execPath, ['--require', preload, CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
  } finally {
    fs.rmSync(preload, { force: true });
  }
}

describe('perf-lint when files change under it', function () {
  this.timeout(60_000);
  let folder: string;

  beforeEach(() => {
    folder = temporaryFolder();
    fs.writeFileSync(path.join(folder, 'ordinary.ts'), ORDINARY_CODE);
    fs.writeFileSync(path.join(folder, 'vanishing.ts'), ORDINARY_CODE);
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('lists a file deleted between listing and reading, and reports the others', () => {
    const outcome = runWithFault(
      folder,
      `const open = fs.openSync;
fs.openSync = function (file, ...rest) {
  if (String(file).endsWith('vanishing.ts')) fs.rmSync(file, { force: true });
  return open.call(this, file, ...rest);
};`,
      ['.', '--format', 'json', '--no-cache', '--max-warnings', '0'],
    );
    assert.equal(outcome.status, 1, outcome.stderr);
    const report = JSON.parse(outcome.stdout) as JsonReport;
    assert.match(report.skipped.find((entry) => entry.file === 'vanishing.ts')?.reason ?? '', /vanished|ENOENT/);
    assert.ok(findingsOf(report, 'ordinary.ts').length > 0);
  });
});

describe('perf-lint --fix over hostile files', function () {
  this.timeout(120_000);
  let folder: string;

  before(() => {
    folder = temporaryFolder();
    writeHostileFolder(folder, DEFAULT_CONFIG.maxFileSize);
    fs.mkdirSync(path.join(folder, 'target'));
    fs.writeFileSync(path.join(folder, 'target', 'real.ts'), ORDINARY_CODE);
    fs.symlinkSync(path.join('target', 'real.ts'), path.join(folder, 'linked.ts'));
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('fixes the ordinary files, follows a link to its file, and leaves every other byte alone', () => {
    const untouched = Object.keys(unanalyzableFiles(DEFAULT_CONFIG.maxFileSize)).map((name) => [name, fs.readFileSync(path.join(folder, name))] as const);
    const outcome = runCli(folder, ['.', '--fix', '--no-cache']);
    assert.ok(outcome.status === 0 || outcome.status === 1, outcome.stderr);
    assert.doesNotMatch(outcome.stderr, /fixes not written/);
    const fixedOrdinary = fixText(ORDINARY_CODE, 'ordinary.ts', DEFAULT_OPTIONS).text;
    assert.notEqual(fixedOrdinary, ORDINARY_CODE, 'the ordinary code has a safe fix');
    for (const name of ['ordinary.ts', 'name with spaces.ts', 'ünïcödé 名前.ts', 'target/real.ts']) {
      assert.equal(fs.readFileSync(path.join(folder, name), 'utf8'), fixedOrdinary, name);
    }
    assert.ok(fs.lstatSync(path.join(folder, 'linked.ts')).isSymbolicLink(), 'the link is still a link');
    for (const [name, bytes] of untouched) assert.ok(fs.readFileSync(path.join(folder, name)).equals(bytes), `${name} untouched`);
    const broken = SYNTAX_ERROR_CODE.slice(ORDINARY_CODE.length);
    const syntaxError = fs.readFileSync(path.join(folder, 'syntax-error.ts'), 'utf8');
    assert.ok(syntaxError.endsWith(broken), 'the code with the syntax error is left as it was');
    assert.ok(
      fs.readdirSync(folder).every((name) => !name.includes('.perf-lint-')),
      'no temporary file left',
    );
  });

  it('refuses to write a fix over a file that changed on disk since it was read', () => {
    const file = path.join(folder, 'ordinary.ts');
    fs.writeFileSync(file, ORDINARY_CODE);
    const edited = `${ORDINARY_CODE}// edited while the fix was computed\n`;
    const outcome = runWithFault(
      folder,
      `const write = fs.writeFileSync;
fs.writeFileSync = function (file, ...rest) {
  if (String(file).includes('.ordinary.ts.perf-lint-')) fs.appendFileSync(${JSON.stringify(file)}, '// edited while the fix was computed\\n');
  return write.call(this, file, ...rest);
};`,
      ['ordinary.ts', '--fix', '--no-cache'],
    );
    assert.ok(outcome.status === 0 || outcome.status === 1, outcome.stderr);
    assert.match(outcome.stderr, /ordinary\.ts: fixes not written: the file changed on disk since it was read/);
    assert.equal(fs.readFileSync(file, 'utf8'), edited);
    assert.ok(
      fs.readdirSync(folder).every((name) => !name.includes('.perf-lint-')),
      'no temporary file left',
    );
  });
});

describe('perf-lint and configuration from the analyzed workspace', function () {
  this.timeout(120_000);
  let folder: string;
  const marker = (): string => path.join(folder, 'EXECUTED');
  /** Code that leaves a file behind if anything runs it. */
  const payload = (): string => `require('node:fs').writeFileSync(${JSON.stringify(marker())}, 'ran');\nmodule.exports = { rules: {} };\n`;

  beforeEach(() => {
    folder = temporaryFolder();
    fs.writeFileSync(path.join(folder, 'ordinary.ts'), ORDINARY_CODE);
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('never runs a configuration or plugin written in JavaScript', () => {
    for (const name of ['.perflintrc.js', '.perflintrc.cjs', '.perflintrc.mjs', 'perf-lint.config.js', 'perflint.config.js'])
      fs.writeFileSync(path.join(folder, name), payload());
    fs.mkdirSync(path.join(folder, 'node_modules', 'perf-lint-plugin'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'node_modules', 'perf-lint-plugin', 'index.js'), payload());
    fs.writeFileSync(
      path.join(folder, 'package.json'),
      JSON.stringify({ dependencies: { 'perf-lint-plugin': '1.0.0' }, perfLint: { plugins: ['perf-lint-plugin'] } }),
    );
    const { report } = runJson(folder);
    assert.ok(findingsOf(report, 'ordinary.ts').length > 0);
    const named = runCli(folder, ['.', '--config', '.perflintrc.js', '--no-cache']);
    assert.equal(named.status, 2);
    assert.match(named.stderr, /^perf-lint: \.perflintrc\.js: not valid JSON/);
    assert.ok(!fs.existsSync(marker()), 'nothing from the workspace ran');
  });

  const badConfigs: Array<[string, string]> = [
    ['{ "__proto__": { "enable": false } }', 'unknown key "__proto__"'],
    ['{ "rules": { "constructor": "off" } }', '"rules.constructor" is not a rule'],
    ['{ "rules": { "toString": "off" } }', '"rules.toString" is not a rule'],
    ['{ "concurrencyLimit": 1e309 }', '"concurrencyLimit" must be a whole number of at least 1'],
    ['{ "exclude": "**" }', '"exclude" must be an array of glob strings'],
    ['[]', 'the configuration must be a JSON object'],
  ];
  for (const [config, message] of badConfigs) {
    it(`refuses ${config} with exit 2, naming the key`, () => {
      fs.writeFileSync(path.join(folder, '.perflintrc.json'), config);
      const outcome = runCli(folder, ['.', '--no-cache']);
      assert.equal(outcome.status, 2, outcome.stdout);
      assert.equal(outcome.stdout, '');
      assert.ok(outcome.stderr.includes(`.perflintrc.json: ${message}`), outcome.stderr);
    });
  }

  it('reads a configuration saved with a byte order mark', () => {
    fs.writeFileSync(path.join(folder, '.perflintrc.json'), '\uFEFF{ "rules": { "sync-io-in-async": "off" } }');
    const { outcome, report } = runJson(folder);
    assert.equal(outcome.stderr, '');
    assert.deepEqual(
      report.findings.filter((finding) => finding.rule === 'sync-io-in-async'),
      [],
    );
  });
});

describe('perf-lint --format html over code that holds markup', function () {
  this.timeout(120_000);

  it('shows the code as text, under a policy that would run no script anyway', () => {
    const folder = temporaryFolder();
    try {
      const code = `import { readFileSync } from 'node:fs';\n\nexport async function page() {\n  return readFileSync('</script><script>alert(1)</script>', 'utf8') + '<!-- <img src=x onerror=alert(2)>';\n}\n`;
      fs.writeFileSync(path.join(folder, '<img src=x onerror=alert(3)>.ts'), code);
      const outcome = runCli(folder, ['.', '--format', 'html', '--no-cache', '--max-warnings', '0']);
      assert.equal(outcome.status, 1, outcome.stderr);
      const html = outcome.stdout;
      assert.ok(html.includes('&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;'), 'the line of code is shown, escaped');
      assert.doesNotMatch(html, /<script|<\/script|<img|<!--/i);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

import * as assert from 'node:assert/strict';
import { COMMAND_TIMEOUT, runJson, TempTrees, writeFiles } from './helpers';

/** A blocking read in an async method, on the line and column the findings below name. */
const OUTBOX = [
  `import { copyFileSync, readFileSync } from 'node:fs';`,
  `export class Outbox {`,
  `  constructor(private readonly file: string) {}`,
  `  async drain(send: (events: string) => Promise<void>) {`,
  `    copyFileSync(this.file, this.file + '.sending');`,
  `    await send(readFileSync(this.file + '.sending', 'utf8'));`,
  `  }`,
  `}`,
  ``,
].join('\n');

/**
 * A package whose server forks a sender by path: the sender and the files it imports run in a
 * process of their own; the same outbox copied where the server imports it still blocks the server.
 */
const TELEMETRY_PACKAGE = {
  'telemetry/package.json': JSON.stringify({ name: 'telemetry', main: 'dist/index.js' }),
  'telemetry/src/index.ts': [
    `import { fork } from 'node:child_process';`,
    `import { join } from 'node:path';`,
    `import { Outbox } from './served-outbox';`,
    `export const outbox = new Outbox('events.json');`,
    `export async function flush() {`,
    `  fork(join(__dirname, 'flush', 'send.js'), { detached: true }).unref();`,
    `}`,
    ``,
  ].join('\n'),
  'telemetry/src/flush/send.ts': `import { dispatch } from './dispatcher';\nvoid dispatch();\n`,
  'telemetry/src/flush/dispatcher.ts': `import { Outbox } from '../outbox';\nexport async function dispatch() { await new Outbox('events.json').drain(async () => {}); }\n`,
  'telemetry/src/outbox.ts': OUTBOX,
  'telemetry/src/served-outbox.ts': OUTBOX,
};

describe('perf-lint: files that run in a child process', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('does not report blocking calls in a forked file and the files it imports, and still reports them where the server runs them', () => {
    const { report } = runJson(trees.make(TELEMETRY_PACKAGE));
    assert.deepEqual(
      report.findings.map(({ file, rule, line, column }) => ({ file, rule, line, column })),
      [
        { file: 'telemetry/src/served-outbox.ts', rule: 'sync-io-in-async', line: 5, column: 5 },
        { file: 'telemetry/src/served-outbox.ts', rule: 'sync-io-in-async', line: 6, column: 16 },
      ],
    );
  });

  it('reports the forked files again once nothing starts them, with the cache on', () => {
    const root = trees.make(TELEMETRY_PACKAGE);
    const filesWithFindings = (): string[] => [...new Set(runJson(root, ['--cache-location', '.cache']).report.findings.map((finding) => finding.file))];
    assert.deepEqual(filesWithFindings(), ['telemetry/src/served-outbox.ts']);
    writeFiles(root, { 'telemetry/src/index.ts': `export async function flush() {}\n` });
    assert.deepEqual(filesWithFindings(), ['telemetry/src/outbox.ts', 'telemetry/src/served-outbox.ts']);
  });
});

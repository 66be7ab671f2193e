import * as assert from 'node:assert/strict';
import { analyze, childProcessFiles, DEFAULT_OPTIONS, syntaxSignals } from '../src';
import { actualFindings, expectedFindings } from './annotations';

/** Files by path, with their signals as the front ends read them. */
function sources(files: Record<string, string>) {
  return Object.entries(files).map(([file, text]) => ({ file, signals: syntaxSignals(text, file) }));
}

describe('files that run in a child process or worker thread', () => {
  it('are the files started by path and the files they import by relative path, not their starter nor packages', () => {
    const found = childProcessFiles(
      sources({
        '/app/src/index.ts': `import { fork } from 'node:child_process';\nimport { Outbox } from './outbox';\nexport const flush = () => fork(require.resolve('./flush/send'));\n`,
        '/app/src/flush/send.ts': `import { dispatch } from './dispatcher';\nimport axios from 'axios';\nvoid dispatch(axios);\n`,
        '/app/src/flush/dispatcher.ts': `import { Outbox } from '../outbox';\nexport const dispatch = () => new Outbox();\n`,
        '/app/src/outbox.ts': `export class Outbox {}\n`,
        '/app/src/unrelated.ts': `import { Outbox } from './outbox';\nexport const outbox = new Outbox();\n`,
      }),
    );
    assert.deepEqual([...found.files].sort(), ['/app/src/flush/dispatcher.ts', '/app/src/flush/send.ts', '/app/src/outbox.ts']);
  });

  it('are none when no file starts another', () => {
    const found = childProcessFiles(sources({ '/app/a.ts': `import './b';\n`, '/app/b.ts': `export {};\n` }));
    assert.deepEqual([...found.files], []);
  });

  it('keep sync-io-in-async to their request handlers', () => {
    const code = [
      `import { readFileSync } from 'node:fs';`,
      `import express from 'express';`,
      `export async function drain(file: string) { return readFileSync(file, 'utf8'); }`,
      `express().get('/', (req, res) => res.send(readFileSync('index.html')));`,
      `//                                        ^^^^^^^^^^^^ sync-io-in-async`,
      ``,
    ].join('\n');
    const options = { ...DEFAULT_OPTIONS, project: { ...DEFAULT_OPTIONS.project, childProcess: true } };
    assert.deepEqual(actualFindings(code, '/app/src/child.ts', options), expectedFindings(code));
    const served = analyze(code, '/app/src/child.ts').findings.map((finding) => [
      finding.ruleId,
      finding.messageId,
      code.slice(0, finding.start).split('\n').length,
    ]);
    assert.deepEqual(served, [
      ['sync-io-in-async', 'blocking', 3],
      ['sync-io-in-async', 'sameFile', 4],
    ]);
  });
});

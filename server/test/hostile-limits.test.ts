import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { DEFAULT_CONFIG } from '../../rules/src/config';
import { ALL_RULES, docsUrl } from '../../rules/src/registry';
import type { Rule, RuleId } from '../../rules/src/types';
import { ORDINARY_CODE } from '../../rules/test/hostile-files';
import { analyzeText } from '../src/analysis';
import { TestClient, uriOf, waitFor } from './lspClient';

const WORKSPACE = path.join('/', 'workspace', 'limits');
const uriIn = (name: string): string => uriOf(path.join(WORKSPACE, name));

/** A document of about `bytes` bytes of ordinary, analyzable code. */
function largeDocument(bytes: number): string {
  const line = 'export async function load(items: string[]) { for (const item of items) { await fetch(item); } }\n';
  return ORDINARY_CODE + line.repeat(Math.ceil(bytes / line.length));
}

/** Milliseconds the server takes to answer a pull of a small document. */
async function answerTime(client: TestClient, uri: string): Promise<number> {
  const started = Date.now();
  await client.pull(uri);
  return Date.now() - started;
}

/**
 * CPU time the server has used, in ms, from /proc: what it spends on a request blocks every other
 * one, and unlike the time to answer it does not depend on how busy the machine is.
 */
function cpuMs(pid: number): number {
  const fields = fs
    .readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  // utime and stime, fields 14 and 15 of stat (11 and 12 after the name), in ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The server's resident memory in MB, from /proc. */
function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

describe('language server: a document over the size limit', function () {
  this.timeout(120_000);
  let client: TestClient;
  before(async () => (client = await TestClient.start({ mode: 'pull', settings: () => ({}) })));
  after(() => client.stop());

  it('is refused before any parse, naming perfLint.maxFileSize, and costs the server under 200 ms of CPU per version', async () => {
    const small = uriIn('small.ts');
    await client.open(small, ORDINARY_CODE);
    await client.pull(small);
    const text = largeDocument(5 * 1024 * 1024);
    const bytes = Buffer.byteLength(text);
    const large = uriIn('large.ts');
    await client.open(large, text);
    const diagnostics: Diagnostic[] = await client.pull(large);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.message),
      [`Perf Lint did not analyze this file: larger than perfLint.maxFileSize (${bytes} bytes, limit ${DEFAULT_CONFIG.maxFileSize}).`],
    );
    const pid = client.pid!;
    for (let edit = 0; edit < 5; edit++) {
      const cpuBefore = cpuMs(pid);
      // As an editor sends typing: a small change to the large text, then diagnostics of both documents.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: large, version: 2 + edit },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `// ${edit}\n` }],
      });
      const pulled = client.pull(large);
      const elapsed = await answerTime(client, small);
      await pulled;
      const spent = cpuMs(pid) - cpuBefore;
      assert.ok(spent < 200, `the server spent ${spent} ms of CPU on one version of the large document (the small one answered in ${elapsed} ms)`);
    }
    await client.close(large);
    assert.ok(client.alive);
  });

  it('leaves no memory behind once closed', async () => {
    const pid = client.pid!;
    const before = residentMb(pid);
    const large = uriIn('large-again.ts');
    const text = largeDocument(5 * 1024 * 1024);
    for (let version = 0; version < 3; version++) {
      if (version === 0) await client.open(large, text);
      else await client.change(large, `${text}// ${version}\n`);
      await client.pull(large);
    }
    await client.close(large);
    await answerTime(client, uriIn('small.ts'));
    // The text of each version is garbage once closed: at most a few of them may still be held.
    const grown = residentMb(pid) - before;
    assert.ok(grown < 150, `resident memory grew by ${grown.toFixed(0)} MB`);
  });
});

describe('language server: a rule that fails on a document', () => {
  const throwing: Rule = {
    meta: { id: 'throwing-rule' as RuleId, defaultSeverity: 'warning', description: 'throws', messages: {}, fixable: false },
    prefilter: /(?:)/,
    create: () => ({
      Program: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    }),
  };
  const rules = ALL_RULES as Rule[];
  before(() => rules.push(throwing));
  after(() => rules.splice(rules.indexOf(throwing), 1));

  it('keeps the other findings and says that findings may be missing', () => {
    const result = analyzeText(ORDINARY_CODE, path.join(WORKSPACE, 'a.ts'), { rules: {}, concurrencyLimit: 4, project: { dependencies: new Set() } }, () => {});
    assert.ok(result.findings.length > 0);
    assert.equal(result.incomplete, 'rule failed: throwing-rule: Maximum call stack size exceeded');
  });
});

describe('language server: perfLint.showDocumentation', function () {
  this.timeout(60_000);
  let client: TestClient;
  before(async () => (client = await TestClient.start({ mode: 'pull', settings: () => ({}) })));
  after(() => client.stop());

  const execute = (url: unknown): Promise<unknown> =>
    client.connection.sendRequest('workspace/executeCommand', { command: 'perfLint.showDocumentation', arguments: [url] });

  it("opens a rule's page and nothing else", async () => {
    const others = [
      'https://attacker.example/phish',
      `${docsUrl('await-in-loop')}/../../../../evil`,
      `${docsUrl('await-in-loop')}?redirect=https://attacker.example`,
      docsUrl('await-in-loop').replace('https://', 'http://'),
      'file:///etc/passwd',
      'command:workbench.action.terminal.new',
    ];
    for (const url of others) await execute(url);
    await execute(docsUrl('n-plus-one'));
    await waitFor(() => (client.shownDocuments.length > 0 ? true : undefined), 'a shown document');
    assert.deepEqual(
      client.shownDocuments.map((shown) => shown.uri),
      [docsUrl('n-plus-one')],
    );
  });
});

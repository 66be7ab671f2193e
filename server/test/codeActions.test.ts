import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, type CodeAction, type Diagnostic, type ResponseError } from 'vscode-languageserver/node';
import { docsUrl } from '../../rules/src/registry';
import { DEFAULT_OPTIONS } from '../../rules/src/engine';
import { fixText } from '../../rules/src/fixes';
import { FIXTURES_DIR } from '../../rules/test/annotations';
import { applyWorkspaceEdit, languageOf, rangeOf, TestClient, uriOf, waitFor } from './lspClient';
import { BLOCKING_READ } from './samples';

const WORKSPACE = path.join('/', 'workspace', 'actions');
const uriIn = (name: string): string => uriOf(path.join(WORKSPACE, name));

/** BLOCKING_READ after its quick fix: the promise API, imported, and awaited. */
const BLOCKING_READ_FIXED = `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export async function load(name: string) {
  const text = await readFile(name, 'utf8');
  return text.length;
}
`;

/** Two blocking reads, one indented deeper, with a directive for another rule above the second. */
const TWO_READS = `import { readFileSync } from 'node:fs';

export async function load(names: string[]) {
  const first = readFileSync(names[0]!, 'utf8');
  if (names.length > 1) {
    // perf-lint-disable-next-line await-in-loop -- reads run one at a time on purpose
    return first + readFileSync(names[1]!, 'utf8');
  }
  return first;
}
`;

describe('language server: code actions', () => {
  let client: TestClient;
  before(async () => (client = await TestClient.start({ mode: 'pull', settings: () => ({}) })));
  after(() => client.stop());

  async function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only && { only }) } });
  }

  it('offers the rule fix as the preferred quick fix, and applying it gives the fixed text', async () => {
    const uri = uriIn('quick-fix.ts');
    await client.open(uri, BLOCKING_READ);
    const diagnostics = await client.pull(uri);
    const actions = await actionsFor(uri, diagnostics);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred ?? false, action.command?.command]),
      [
        ['Use await readFile(...) from node:fs/promises', 'quickfix', true, undefined],
        ['Disable perf-lint sync-io-in-async for this line', 'quickfix', false, undefined],
        ['Disable perf-lint sync-io-in-async for this file', 'quickfix', false, undefined],
        ['Show documentation for sync-io-in-async', 'quickfix', false, 'perfLint.showDocumentation'],
      ],
    );
    const fix = actions[0]!;
    assert.deepEqual(fix.diagnostics, diagnostics);
    assert.deepEqual(
      fix.edit?.documentChanges?.map((change) => 'textDocument' in change && change.textDocument),
      [{ uri, version: 1 }],
    );
    const fixed = applyWorkspaceEdit(BLOCKING_READ, uri, fix.edit!);
    assert.equal(fixed, BLOCKING_READ_FIXED);
    await client.change(uri, fixed);
    assert.deepEqual(await client.pull(uri), []);
    await client.close(uri);
  });

  it("disables the rule for one line with that line's indentation, or adds it to a directive already there", async () => {
    const uri = uriIn('disable.ts');
    await client.open(uri, TWO_READS);
    const diagnostics = await client.pull(uri);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.range),
      [rangeOf(TWO_READS, 'readFileSync', 1), rangeOf(TWO_READS, 'readFileSync', 2)],
    );
    const disable = async (diagnostic: Diagnostic): Promise<string> => {
      const action = (await actionsFor(uri, [diagnostic])).find((candidate) => candidate.title.startsWith('Disable'))!;
      return applyWorkspaceEdit(TWO_READS, uri, action.edit!);
    };
    assert.equal(await disable(diagnostics[0]!), TWO_READS.replace('  const first', '  // perf-lint-disable-next-line sync-io-in-async\n  const first'));
    const extended = await disable(diagnostics[1]!);
    assert.equal(extended, TWO_READS.replace('await-in-loop -- reads', 'await-in-loop, sync-io-in-async -- reads'));
    await client.change(uri, extended);
    assert.deepEqual(
      (await client.pull(uri)).map((diagnostic) => diagnostic.range),
      [rangeOf(extended, 'readFileSync', 1)],
    );
    await client.close(uri);
  });

  it('opens the rule documentation through the client when the documentation action runs', async () => {
    const uri = uriIn('docs.ts');
    await client.open(uri, BLOCKING_READ);
    const action = (await actionsFor(uri, await client.pull(uri))).find((candidate) => candidate.title.startsWith('Show documentation'))!;
    assert.deepEqual(action.command, {
      title: 'Show documentation for sync-io-in-async',
      command: 'perfLint.showDocumentation',
      arguments: [docsUrl('sync-io-in-async')],
    });
    await client.connection.sendRequest('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
    assert.deepEqual(client.shownDocuments, [{ uri: docsUrl('sync-io-in-async'), external: true }]);
    await client.close(uri);
  });

  it('fixes every safe problem of a document in one versioned edit for source.fixAll', async () => {
    const uri = uriIn('fix-all.ts');
    const text = TWO_READS.replace('    // perf-lint-disable-next-line await-in-loop -- reads run one at a time on purpose\n', '');
    await client.open(uri, TWO_READS);
    await client.change(uri, text);
    for (const only of [['source.fixAll'], ['source.fixAll.perf-lint'], ['source']]) {
      const actions = await actionsFor(uri, [], only);
      assert.deepEqual(
        actions.map((action) => [action.title, action.kind]),
        [['Fix all Perf Lint problems that have a safe fix', 'source.fixAll.perf-lint']],
        only[0],
      );
      const edit = actions[0]!.edit!;
      assert.deepEqual(
        edit.documentChanges?.map((change) => 'textDocument' in change && change.textDocument),
        [{ uri, version: 2 }],
      );
      assert.equal(
        applyWorkspaceEdit(text, uri, edit),
        `import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export async function load(names: string[]) {
  const first = await readFile(names[0]!, 'utf8');
  if (names.length > 1) {
    return first + await readFile(names[1]!, 'utf8');
  }
  return first;
}
`,
      );
    }
    assert.deepEqual(await actionsFor(uri, [], ['quickfix.other']), []);
    await client.change(uri, BLOCKING_READ_FIXED);
    assert.deepEqual(await actionsFor(uri, [], ['source.fixAll']), [], 'nothing to fix');
    await client.close(uri);
  });

  it('refuses actions for diagnostics of an older version of the document', async () => {
    const uri = uriIn('stale.ts');
    await client.open(uri, BLOCKING_READ);
    const stale = await client.pull(uri);
    await client.change(uri, `\n\n${BLOCKING_READ}`);
    assert.deepEqual(await actionsFor(uri, stale), []);
    const current = await client.pull(uri);
    assert.equal((await actionsFor(uri, current))[0]?.isPreferred, true);
    await client.close(uri);
  });

  it('answers a cancelled request with RequestCancelled', async () => {
    const uri = uriIn('cancelled.ts');
    let release!: () => void;
    client.configurationGate = new Promise((resolve) => (release = resolve));
    try {
      await client.open(uri, BLOCKING_READ);
      const source = new CancellationTokenSource();
      const request = client.connection.sendRequest(
        'textDocument/codeAction',
        { textDocument: { uri }, range: rangeOf(BLOCKING_READ, 'readFileSync', 1), context: { diagnostics: [] } },
        source.token,
      );
      await waitFor(() => (client.configurationRequests.includes(uri) ? true : undefined), 'the settings request');
      source.cancel();
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await assert.rejects(request, (error: ResponseError<unknown>) => error.code === -32800);
    } finally {
      client.configurationGate = undefined;
      release();
    }
    assert.equal((await client.pull(uri)).length, 1, 'the server still answers');
    await client.close(uri);
  });
});

/** The server's fix-all must give what the core's `fixText` gives, with the project's dependencies and limit. */
describe('language server: the fix fixtures through source.fixAll', () => {
  /** Every `test-fixtures/<rule>/fixes/NAME.input.ext`. */
  const inputs = fs
    .readdirSync(FIXTURES_DIR)
    .flatMap((rule) => {
      const folder = path.join(FIXTURES_DIR, rule, 'fixes');
      return fs.existsSync(folder) ? fs.readdirSync(folder).map((name) => path.join(folder, name)) : [];
    })
    .filter((file) => file.includes('.input.'))
    .sort();
  let root: string;
  let client: TestClient;
  const limits = new Map<string, number>();

  /** What `NAME.project.json` says of a fixture's project. */
  function projectOf(input: string): { dependencies: string[]; concurrencyLimit: number } {
    const project = input.replace(/\.input\.\w+$/, '.project.json');
    const { dependencies = [], concurrencyLimit = 8 } = fs.existsSync(project)
      ? (JSON.parse(fs.readFileSync(project, 'utf8')) as { dependencies?: string[]; concurrencyLimit?: number })
      : {};
    return { dependencies, concurrencyLimit };
  }

  /** The fixture's copy in its own folder, with a package.json of the dependencies its project lists. */
  function placed(input: string): string {
    const { dependencies, concurrencyLimit } = projectOf(input);
    const folder = path.join(root, path.relative(FIXTURES_DIR, input).replace(/\.input\.\w+$/, ''));
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ dependencies: Object.fromEntries(dependencies.map((name) => [name, '*'])) }));
    const file = path.join(folder, path.basename(input));
    fs.copyFileSync(input, file);
    limits.set(uriOf(file), concurrencyLimit);
    return file;
  }

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-fixes-'));
    client = await TestClient.start({ mode: 'pull', settings: (scopeUri) => ({ concurrencyLimit: (scopeUri && limits.get(scopeUri)) ?? 8 }) });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('has fix fixtures', () => assert.ok(inputs.length > 0));
  for (const input of inputs) {
    it(path.relative(FIXTURES_DIR, input), async () => {
      const file = placed(input);
      const uri = uriOf(file);
      const text = fs.readFileSync(file, 'utf8');
      const { dependencies, concurrencyLimit } = projectOf(input);
      const expected = fixText(text, file, { ...DEFAULT_OPTIONS, concurrencyLimit, project: { dependencies: new Set(dependencies) } }).text;
      await client.open(uri, text, languageOf(file));
      const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      await client.close(uri);
      if (expected === text) {
        assert.deepEqual(actions, [], 'no safe fix, no action');
      } else {
        assert.equal(actions.length, 1);
        assert.equal(applyWorkspaceEdit(text, uri, actions[0]!.edit!), expected);
      }
    });
  }

  it('writes the quick fix of await-in-loop with p-limit where the nearest package.json depends on it, with the limit from the settings', async () => {
    const input = path.join(FIXTURES_DIR, 'await-in-loop/fixes/p-limit.input.ts');
    const file = placed(input);
    const uri = uriOf(file);
    // Resource settings apply per workspace folder, as VS Code resolves them.
    limits.set(uri, 3);
    limits.set(uriOf(root), 3);
    // The server keeps each folder's settings until told they changed.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const text = fs.readFileSync(file, 'utf8');
    await client.open(uri, text);
    const diagnostics = await client.pull(uri);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
      [['await-in-loop', rangeOf(text, 'await')]],
    );
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    });
    await client.close(uri);
    const fix = actions.find((action) => action.isPreferred)!;
    const expected = fs.readFileSync(input.replace('.input.', '.output.'), 'utf8').replace('pLimit(8)', 'pLimit(3)');
    assert.notEqual(expected, fs.readFileSync(input.replace('.input.', '.output.'), 'utf8'));
    assert.equal(applyWorkspaceEdit(text, uri, fix.edit!), expected);
    limits.delete(uriOf(root));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
});

describe("language server: a concurrency fix with the project's helper module", () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-helper-module-')));
  const input = fs.readFileSync(path.join(FIXTURES_DIR, 'await-in-loop/fixes/for-of.input.ts'), 'utf8');
  const helperModule = path.join(root, 'lib', 'concurrency.ts');
  before(() => {
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, '.perflintrc.json'), JSON.stringify({ fixes: { helperModule: 'lib/concurrency.ts' } }));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  async function quickFixFor(createFiles: boolean): Promise<CodeAction> {
    const client = await TestClient.start({ mode: 'pull', workspaceFolders: [root], createFiles });
    try {
      const uri = uriOf(path.join(root, 'src', 'users.ts'));
      await client.open(uri, input);
      const diagnostics = await client.pull(uri);
      const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0]!.range,
        context: { diagnostics },
      });
      return actions[0]!;
    } finally {
      await client.stop();
    }
  }

  it('creates the module, then imports it, where the client can create files', async () => {
    const fix = await quickFixFor(true);
    const uri = uriOf(path.join(root, 'src', 'users.ts'));
    const changes = fix.edit?.documentChanges ?? [];
    assert.deepEqual(changes[0], { kind: 'create', uri: uriOf(helperModule), options: { overwrite: false, ignoreIfExists: true } });
    assert.match(applyWorkspaceEdit('', uriOf(helperModule), fix.edit!), /^\/\*\* Calls `mapper`[^\n]*\nexport function mapWithConcurrency</);
    assert.ok(applyWorkspaceEdit(input, uri, fix.edit!).startsWith("import { mapWithConcurrency } from '../lib/concurrency';\n\n"));
    assert.match(fix.title, /creating the shared helper module/);
  });

  it('inserts the local helper where the client cannot create files and the module does not exist', async () => {
    const fix = await quickFixFor(false);
    assert.equal(fix.edit?.documentChanges?.length, 1);
    assert.equal(
      applyWorkspaceEdit(input, uriOf(path.join(root, 'src', 'users.ts')), fix.edit!),
      fs.readFileSync(path.join(FIXTURES_DIR, 'await-in-loop/fixes/for-of.output.ts'), 'utf8'),
    );
  });
});

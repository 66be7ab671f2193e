import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { analyze, DEFAULT_OPTIONS, fastParserFor, oxcParser, readSyntax, useFastParser, type FastParser } from '../src';
import { parseRecovering, parseSource } from '../src/parse';
import { fixtureFiles, FIXTURES_DIR } from './annotations';

const fast = oxcParser();
const where = fast ? `available on Node.js ${process.version}` : `not available on Node.js ${process.version}: typescript-estree's conversion`;

/** The tree as the rules see it: every field but the parser's own extras (`start`, `end`, `hashbang`), the lazy comments and the tokens neither has. */
function plain(tree: TSESTree.Program): unknown {
  return JSON.parse(
    JSON.stringify(tree, (key, value: unknown) =>
      ['parent', 'comments', 'tokens', 'start', 'end', 'hashbang'].includes(key)
        ? undefined
        : typeof value === 'bigint'
          ? `${value}n`
          : value instanceof RegExp
            ? String(value)
            : value === undefined
              ? '(undefined)'
              : value,
    ),
  );
}

function withFastParser<T>(run: () => T): T {
  useFastParser(fast);
  try {
    return run();
  } finally {
    useFastParser(undefined);
  }
}

/**
 * Runs `run` with a fast parser that gives typescript-estree's tree and notes each call: whether it came after a TypeScript
 * parse of the analysis (through `convertSourceFile`, which converts the tree `parseTypeScript` made) or in its place.
 */
function counted<T>(run: () => T): { result: T; calls: Array<'after TypeScript' | 'alone'> } {
  const calls: Array<'after TypeScript' | 'alone'> = [];
  const spy: FastParser = (text, fileName) => {
    calls.push(new Error().stack?.includes('convertSourceFile') ? 'after TypeScript' : 'alone');
    useFastParser(undefined);
    try {
      return parseSource(text, fileName);
    } finally {
      useFastParser(spy);
    }
  };
  useFastParser(spy);
  try {
    return { result: run(), calls };
  } finally {
    useFastParser(undefined);
  }
}

describe('the fast parser after the reading pass', () => {
  const service = `import { prisma } from './db';

export async function archiveOrders(ids: string[]) {
  for (const id of ids) {
    await prisma.order.update({ where: { id }, data: { archived: true } });
  }
}
`;
  const placesOf = (result: ReturnType<typeof analyze>) =>
    result.findings.map(({ ruleId, messageId, start }) => {
      const lines = service.slice(0, start).split('\n');
      return [ruleId, messageId, lines.length, lines.at(-1)!.length + 1];
    });

  const file = 'src/orders/archive.ts';
  /** The text's signals as the reading pass reads them, then its analysis with them, and how the fast parser was called. */
  const afterReading = (text: string) =>
    counted(() => {
      const { signals } = readSyntax(text, file);
      return { syntaxChecked: signals.syntaxChecked, analysis: analyze(text, file, DEFAULT_OPTIONS, signals) };
    });

  const cases: Array<[string, string, true | undefined, string[]]> = [
    ['gives the tree of a text whose signals TypeScript parsed without an error, with no second TypeScript parse', service, true, ['alone']],
    // The recovered text parses without an error: TypeScript's tree of it goes to the fast parser, as before.
    ["keeps TypeScript's parse and recovery for a text with a syntax error", `${service}\nexport function draft( {\n`, undefined, ['after TypeScript']],
  ];
  for (const [name, text, syntaxChecked, expectedCalls] of cases) {
    it(name, () => {
      const { result, calls } = afterReading(text);
      assert.equal(result.syntaxChecked, syntaxChecked);
      assert.deepEqual(calls, expectedCalls);
      assert.deepEqual(placesOf(result.analysis), [['n-plus-one', 'write', 5, 11]]);
      assert.deepEqual(result.analysis, analyze(text, file, DEFAULT_OPTIONS));
    });
  }

  it('asks the fast parser once of a text it rejects (JSX in a `.js` file), then converts the tree TypeScript parses', () => {
    const { signals } = readSyntax(service, file);
    let asked = 0;
    useFastParser(() => {
      asked++;
      throw new Error('JSX is not allowed here');
    });
    try {
      assert.deepEqual(placesOf(analyze(service, file, DEFAULT_OPTIONS, signals)), [['n-plus-one', 'write', 5, 11]]);
    } finally {
      useFastParser(undefined);
    }
    assert.equal(asked, 1);
  });

  it('parses with TypeScript first where the signals do not say that it accepted the text (a cache of an earlier version)', () => {
    const { signals } = readSyntax(service, file);
    const { calls } = counted(() => analyze(service, file, DEFAULT_OPTIONS, { ...signals, syntaxChecked: undefined }));
    assert.deepEqual(calls, ['after TypeScript']);
  });
});

describe(`oxc-parser's raw transfer (${where})`, () => {
  it("is the command's parser wherever it is available, unless PERF_LINT_PARSER=typescript-estree", () => {
    assert.equal(fastParserFor(undefined) !== undefined, fast !== undefined);
    assert.equal(fastParserFor('oxc') !== undefined, fast !== undefined);
    assert.equal(fastParserFor('typescript-estree'), undefined);
    assert.equal(
      fastParserFor(undefined, () => {
        throw new Error('no binding for this platform');
      }),
      undefined,
    );
  });

  if (!fast) {
    it('is not used before Node.js 22, where it would take the JSON transfer', () => {
      assert.ok(Number(process.versions.node.split('.')[0]) < 22 || !fs.existsSync(path.join(__dirname, '../../../node_modules/oxc-parser')));
      assert.equal(
        oxcParser(() => {
          throw new Error('no binding for this platform');
        }),
        undefined,
      );
    });
    return;
  }

  it('gives no tree where the binding does not load', () => {
    assert.equal(
      oxcParser(() => {
        throw new Error('no binding for this platform');
      }),
      undefined,
    );
  });

  const sample = (text: string, fileName = 'sample.ts') => [plain(parseSource(text, fileName)), plain(withFastParser(() => parseSource(text, fileName)))];

  it('leaves undefined what typescript-estree leaves undefined (`directive` of a statement, type arguments of a call)', () => {
    const [estree, oxc] = sample(`'use strict';\nfoo();\nconst f = <T,>(x: T): T => x;\nclass A<T> extends B<T> implements C { private x?: number; m() {} }\n`);
    assert.deepEqual(oxc, estree);
  });

  it('starts a decorated parameter with a default value after its decorators', () => {
    const [estree, oxc] = sample(`class C {\n  find(@Query('all') all = 'false', @Body() body) {}\n}\n`);
    assert.deepEqual(oxc, estree);
  });

  it('calls a `.cjs` file a script', () => {
    const [estree, oxc] = sample(`const fs = require('fs');\nmodule.exports = fs;\n`, 'tool.cjs');
    assert.deepEqual(oxc, estree);
  });

  it('converts a file with an HTML entity in JSX, which typescript-estree decodes', () => {
    const [estree, oxc] = sample(`export const A = () => <p title="Tom &amp; Jerry">You&apos;ll see</p>;\n`, 'a.tsx');
    assert.deepEqual(oxc, estree);
  });

  it("converts a file oxc rejects and TypeScript accepts (JSX in a '.js' file)", () => {
    const [estree, oxc] = sample(`export default function NotFound() {\n  return <main>Not found</main>;\n}\n`, 'NotFound.js');
    assert.deepEqual(oxc, estree);
  });

  it("keeps TypeScript's syntax errors, their offsets and the recovery of intact declarations", () => {
    const text = `async function ok(items) {\n  for (const item of items) await save(item);\n}\nfunction broken( {\n`;
    const estree = parseRecovering(text, 'broken.ts');
    const oxc = withFastParser(() => parseRecovering(text, 'broken.ts'));
    assert.deepEqual(oxc.syntaxError, estree.syntaxError);
    assert.deepEqual(oxc.skipped, estree.skipped);
    assert.deepEqual(plain(oxc.ast), plain(estree.ast));
  });

  for (const file of fixtureFiles('', [])) {
    const name = path.relative(FIXTURES_DIR, file);
    it(`gives typescript-estree's tree and findings: ${name}`, () => {
      const text = fs.readFileSync(file, 'utf8');
      let estree: unknown;
      try {
        estree = plain(parseSource(text, file));
      } catch (error) {
        estree = (error as Error).message;
      }
      let oxc: unknown;
      try {
        oxc = withFastParser(() => plain(parseSource(text, file)));
      } catch (error) {
        oxc = (error as Error).message;
      }
      assert.deepEqual(oxc, estree);
      const options = { ...DEFAULT_OPTIONS, project: { root: path.dirname(file), ...DEFAULT_OPTIONS.project } };
      assert.deepEqual(
        withFastParser(() => analyze(text, file, options)),
        analyze(text, file, options),
      );
    });
  }
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { analyzeWithRules, DEFAULT_OPTIONS } from '../src/engine';
import { sqlWriteOf } from '../src/analysis/query-kinds';
import { MAX_LINE_LENGTH } from '../src/content';
import { analyze, DEFAULT_CONFIG, LineIndex, type AnalysisResult, type Rule, type RuleId } from '../src';
import { expectedFindings, fixtureFiles, FIXTURES_DIR, toExpected } from './annotations';
import { ORDINARY_FILES, PARTIAL_FILES, unanalyzableFiles } from './hostile-files';

/** A rule of the test's own: reports every call of `probe`, with a fix that renames it. */
const probeRule: Rule = {
  meta: { id: 'probe' as RuleId, defaultSeverity: 'warning', description: 'test probe', messages: { probe: 'probe called' }, fixable: true },
  prefilter: /\bprobe\b/,
  create(context) {
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'probe') return;
        const [start, end] = node.callee.range;
        context.report({ node: node.callee, messageId: 'probe', fix: { title: 'rename', safe: true, edits: [{ start, end, text: 'probed' }] } });
      },
    };
  },
};

/** A rule that reads the scopes, as the real rules do, so deep trees reach the scope analysis too. */
const scopeReadingRule: Rule = {
  ...probeRule,
  meta: { ...probeRule.meta, id: 'scope-probe' as RuleId },
  create(context) {
    return {
      'Program:exit'() {
        void context.scopeManager.scopes.length;
      },
    };
  },
};

/** A rule that throws on every call expression. */
const throwingRule: Rule = {
  ...probeRule,
  meta: { ...probeRule.meta, id: 'throws' as RuleId },
  create() {
    return {
      CallExpression() {
        throw new Error('boom');
      },
    };
  },
};

function run(text: string, fileName = 'sample.ts', rules: readonly Rule[] = [probeRule], maxFileSize?: number): AnalysisResult {
  return analyzeWithRules(text, fileName, { ...DEFAULT_OPTIONS, ...(maxFileSize !== undefined && { maxFileSize }) }, rules);
}

/** Each finding as `line:column-endLine:endColumn rule fixable`. */
function located(text: string, result: AnalysisResult): string[] {
  const lines = new LineIndex(text);
  return result.findings.map((finding) => {
    const start = lines.position(finding.start);
    const end = lines.position(finding.end);
    return `${start.line}:${start.column}-${end.line}:${end.column} ${finding.ruleId}${finding.fix ? ' fix' : ''}`;
  });
}

describe('hostile input to the analysis core', () => {
  describe('syntax errors keep the findings of the intact declarations', () => {
    it('skips a broken top-level statement', () => {
      const text = 'probe(1);\nconst a = ;\nprobe(2);\n';
      const result = run(text);
      assert.deepEqual(located(text, result), ['1:1-1:6 probe fix', '3:1-3:6 probe fix']);
      assert.equal(result.error?.kind, 'partial');
      assert.equal(result.error?.offset, text.indexOf(';', text.indexOf('=')));
      assert.equal(result.error?.message, 'partially analyzed: syntax error on line 2: Expression expected; code around it was skipped');
    });

    it("analyzes whole a file whose only errors are TypeScript's checker's (modifiers out of place)", () => {
      const text = 'public function f() { probe(1); }\nexport class Service {\n  readonly a() { probe(2); }\n  declare b() { probe(3); }\n}\n';
      const result = run(text);
      assert.deepEqual(located(text, result), ['1:23-1:28 probe fix', '3:18-3:23 probe fix', '4:17-4:22 probe fix']);
      assert.equal(result.error, undefined);
    });

    it('skips only the broken member of a class', () => {
      const text = 'export class Service {\n  a() { probe(1); }\n  b() { ) }\n  c() { probe(2); }\n}\nprobe(3);\n';
      const result = run(text);
      assert.deepEqual(located(text, result), ['2:9-2:14 probe fix', '4:9-4:14 probe fix', '6:1-6:6 probe fix']);
      assert.equal(result.error?.kind, 'partial');
    });

    it('skips a member whose broken header makes the parser end it early, and nothing after it', () => {
      const text = 'class A {\n  broken( {\n    probe(1);\n  }\n\n  fine() {\n    probe(2);\n  }\n}\nprobe(3);\n';
      assert.deepEqual(located(text, run(text)), ['7:5-7:10 probe fix', '10:1-10:6 probe fix']);
    });

    it('blanks out a stray token between statements, and only it', () => {
      const text = 'probe(1);\n}\nfunction f() {\n  probe(2);\n}\n';
      const result = run(text);
      assert.deepEqual(located(text, result), ['1:1-1:6 probe fix', '4:3-4:8 probe fix']);
      assert.equal(result.error?.offset, 10);
    });

    it('skips a function left open at the end of the file', () => {
      const text = 'probe(1);\r\nfunction open() {\r\n  probe(2);\r\n';
      const result = run(text);
      assert.deepEqual(located(text, result), ['1:1-1:6 probe fix']);
      assert.match(result.error!.message, /^partially analyzed: syntax error on line 4: '}' expected;/);
    });

    it('keeps the findings of JSX around a broken statement', () => {
      const text = 'const ok = <div>{probe(1)}</div>;\nconst broken = (<div>;\n';
      const result = run(text, 'view.tsx');
      assert.deepEqual(located(text, result), ['1:18-1:23 probe fix']);
      assert.equal(result.error?.kind, 'partial');
    });

    it('drops the fixes that would touch a skipped region', () => {
      const probeAtEnd: Rule = {
        ...probeRule,
        create(context) {
          return {
            CallExpression(node) {
              const end = context.text.length;
              context.report({ node, messageId: 'probe', fix: { title: 'append', safe: true, edits: [{ start: end, end, text: '\n' }] } });
            },
          };
        },
      };
      const text = 'probe(1);\nfunction open() {\n';
      assert.deepEqual(located(text, run(text, 'sample.ts', [probeAtEnd])), ['1:1-1:9 probe']);
    });

    it('reports a file with nothing intact as not analyzed', () => {
      const result = run('probe(;');
      assert.deepEqual(result.findings, []);
      assert.equal(result.error?.kind, 'not-analyzed');
      assert.equal(result.error?.offset, 6);
    });
  });

  describe('deep nesting and long expressions never overflow out of analyze', () => {
    // One level per line, so that the line-length limit does not catch them first.
    const depth = 30_000;
    const cases: Record<string, string> = {
      parentheses: `probe(${'(\n'.repeat(depth)}1${')\n'.repeat(depth)});`,
      blocks: `probe();${'{\n'.repeat(depth)}${'}\n'.repeat(depth)}`,
      arrays: `probe(${'[\n'.repeat(depth)}${']\n'.repeat(depth)});`,
      arrows: `probe(${'() =>\n'.repeat(depth)}1);`,
      'a long concatenation': `probe(${Array.from({ length: depth }, (_, i) => `a${i}`).join(' +\n')});`,
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`${name}: not analyzed, with the reason`, () => {
        const result = run(text, 'deep.ts', [probeRule, scopeReadingRule]);
        assert.deepEqual(result.findings, []);
        assert.equal(result.error?.kind, 'not-analyzed');
        assert.match(result.error!.message, /^not analyzed: nested too deeply/);
      });
    }

    it('analyzes nesting as deep as the parser takes, scopes included', () => {
      const text = `probe(${'('.repeat(150)}1${')'.repeat(150)});\n${'{'.repeat(150)}probe();${'}'.repeat(150)}`;
      const result = run(text, 'deep.ts', [probeRule, scopeReadingRule]);
      assert.equal(result.error, undefined);
      assert.deepEqual(located(text, result), ['1:1-1:6 probe fix', '2:151-2:156 probe fix']);
    });
  });

  describe('content that is not source code', () => {
    it('binary content (NUL bytes)', () => {
      const result = run('probe();\0\0\x01\x02');
      assert.deepEqual(result, { findings: [], error: { message: 'not analyzed: binary content (NUL bytes)', kind: 'not-analyzed' } });
    });

    it('bytes that are not UTF-8', () => {
      const bytes = Buffer.from([...Buffer.from('probe(); // '), 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]);
      const result = run(bytes.toString('utf8'));
      assert.deepEqual(result, { findings: [], error: { message: 'not analyzed: not valid UTF-8 text', kind: 'not-analyzed' } });
    });

    it('one deliberate replacement character is still code', () => {
      const text = "probe('\uFFFD');";
      assert.deepEqual(located(text, run(text)), ['1:1-1:6 probe fix']);
    });

    it('a minified line', () => {
      const text = `probe();${'a;'.repeat(MAX_LINE_LENGTH)}`;
      const result = run(text);
      assert.deepEqual(result.findings, []);
      assert.equal(result.error?.message, `not analyzed: looks minified (a line of ${text.length} characters, the limit is ${MAX_LINE_LENGTH})`);
    });

    it('a text above the size limit, counted in UTF-8 bytes', () => {
      const text = 'probe("ééééé");';
      assert.equal(Buffer.byteLength(text), 20);
      assert.equal(run(text, 'sample.ts', [probeRule], 19).error?.message, 'not analyzed: larger than the size limit of 19 bytes');
      assert.deepEqual(located(text, run(text, 'sample.ts', [probeRule], 20)), ['1:1-1:6 probe fix']);
    });

    it('an empty file', () => {
      assert.deepEqual(run(''), { findings: [] });
    });
  });

  describe('lines and columns', () => {
    it('a byte order mark takes no column, CRLF ends a line once', () => {
      const text = '\uFEFFprobe(1);\r\n  probe(2);\r\n\r\nx; probe(3);';
      assert.deepEqual(located(text, run(text)), ['1:1-1:6 probe fix', '2:3-2:8 probe fix', '4:4-4:9 probe fix']);
    });

    it('offsets of a file with a BOM still address its text, so fixes apply in place', () => {
      const text = '\uFEFFprobe(1);';
      const [finding] = run(text).findings;
      assert.equal(text.slice(finding!.start, finding!.end), 'probe');
    });
  });

  describe('memory', () => {
    it('a result is plain data: it keeps no syntax tree or scope alive', () => {
      const result = analyze(ORDINARY_FILES['ordinary.ts']!, 'ordinary.ts');
      assert.ok(result.findings.length > 0 && result.findings.some((finding) => finding.fix));
      // A node kept in a result would bring its parents, the whole tree, and fail to serialize.
      assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
    });
  });

  describe('a rule that throws', () => {
    it('costs only its own findings and is named', () => {
      const text = 'probe(1);';
      const result = run(text, 'sample.ts', [throwingRule, probeRule]);
      assert.deepEqual(located(text, result), ['1:1-1:6 probe fix']);
      assert.deepEqual(result.error, { message: 'rule failed: throws: boom', kind: 'rule-failed' });
    });
  });

  // Each input took the base build minutes: a pattern that can match a run of comments or spaces in many ways tries every one before failing.
  describe('patterns over the text end on long runs of comments and spaces', () => {
    it("a bundle's banner comments above its code", () => {
      const banner = Array.from({ length: 28 }, (_, step) => `/******/ \t// step ${step}\n`).join('');
      const code = '/******/ \tvar client = {};\n/******/ \tclient.all = function all(requests) {\n/******/ \t\treturn Promise.all(requests);\n/******/ \t};\n';
      const result = analyze(`/******/ (() => {\n${banner}${code}/******/ })();\n`, 'bundle.js');
      assert.deepEqual(result.findings, []);
      assert.equal(result.error, undefined);
    });

    it('SQL text after a long run of spaces or after comments', () => {
      const sql = (value: string): TSESTree.Literal => ({ type: AST_NODE_TYPES.Literal, value, raw: JSON.stringify(value) }) as TSESTree.Literal;
      assert.equal(sqlWriteOf(sql(`${' '.repeat(32)}select id from items`)), undefined);
      assert.equal(sqlWriteOf(sql(`${' '.repeat(32)}update items set done = true`)), 'update');
      assert.equal(sqlWriteOf(sql('/* note */ -- why\n  INSERT INTO items (id) VALUES (1)')), 'create');
    });
  });

  describe('the hostile folder the command-line and server tests scan', () => {
    // A rule that reads every file, so that no prefilter hides how a file is classified.
    const everyFile: Rule = { ...scopeReadingRule, prefilter: /(?:)/ };
    const classify = (content: string | Buffer, name: string): string | undefined =>
      analyzeWithRules(content.toString(), name, { ...DEFAULT_OPTIONS, maxFileSize: DEFAULT_CONFIG.maxFileSize }, [everyFile]).error?.kind;
    for (const [name, content] of Object.entries(ORDINARY_FILES)) {
      it(`${name} is analyzed`, () => assert.equal(classify(content, name), undefined));
    }
    for (const [name, content] of Object.entries(PARTIAL_FILES)) {
      it(`${name} is partially analyzed`, () => assert.equal(classify(content, name), 'partial'));
    }
    for (const [name, content] of Object.entries(unanalyzableFiles(DEFAULT_CONFIG.maxFileSize))) {
      it(`${name} is not analyzed`, () => assert.equal(classify(content, name), 'not-analyzed'));
    }
  });

  describe('the readable samples in test-fixtures/hostile', () => {
    for (const file of fixtureFiles('hostile', [])) {
      it(path.relative(FIXTURES_DIR, file), () => {
        const text = fs.readFileSync(file, 'utf8');
        const result = analyze(text, file);
        // The first line says whether the file is partially analyzed; the annotations are its findings.
        assert.equal(result.error?.kind, /^\uFEFF?\/\/ partially analyzed\b/.test(text) ? 'partial' : undefined, result.error?.message);
        assert.deepEqual(toExpected(text, result.findings), expectedFindings(text));
      });
    }
  });
});

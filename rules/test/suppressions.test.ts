import * as assert from 'node:assert/strict';
import { analyze, applyBaseline, baselineOf, DEFAULT_OPTIONS, formatBaseline, lineFingerprint, parseBaseline, type AnalysisOptions } from '../src';

const LOOP = (line: string, before = ''): string =>
  `declare function send(id: string): Promise<void>;\nexport async function all(ids: string[]) {\n  for (const id of ids) {\n${before}    ${line}\n  }\n}\n`;

/** The offsets' text of each unused directive, with the rules it named in vain. */
function unused(code: string, options: AnalysisOptions = DEFAULT_OPTIONS): string[] {
  const result = analyze(code, 'file.ts', options);
  return (result.unusedDirectives ?? []).map((directive) => `${code.slice(directive.start, directive.end)} [${directive.rules.join(',')}]`);
}

describe('suppression comments', () => {
  it('a directive that suppresses a finding is used; one that suppresses nothing is reported with the rules it named in vain', () => {
    assert.deepEqual(unused(LOOP('await send(id);', '    // perf-lint-disable-next-line await-in-loop\n')), []);
    assert.deepEqual(unused(LOOP('await send(id); // perf-lint-disable-line')), []);
    assert.deepEqual(unused(LOOP('await send(id); // perf-lint-disable-line await-in-loop, n-plus-one')), [
      '// perf-lint-disable-line await-in-loop, n-plus-one [n-plus-one]',
    ]);
    assert.deepEqual(unused(LOOP('send(id);', '    // perf-lint-disable-next-line\n')), ['// perf-lint-disable-next-line []']);
    assert.deepEqual(
      unused(`/* perf-lint-disable sync-io-in-async */\nexport const x = 1;\n`),
      ['/* perf-lint-disable sync-io-in-async */ [sync-io-in-async]'],
      'judged even when no rule could find anything',
    );
    assert.deepEqual(unused(`// perf-lint-disable-next-line typo-rule\nexport const x = 1;\n`), ['// perf-lint-disable-next-line typo-rule [typo-rule]']);
  });

  it('a directive naming only rules turned off is not judged, nor is a file with syntax errors', () => {
    const off: AnalysisOptions = { ...DEFAULT_OPTIONS, rules: { 'sync-io-in-async': 'off' } };
    assert.deepEqual(unused(`/* perf-lint-disable sync-io-in-async */\nexport const x = 1;\n`, off), []);
    assert.deepEqual(unused(`// perf-lint-disable-next-line await-in-loop\nexport const x = 1;\nexport function broken( {\n`), []);
  });

  it('eslint-disable-line and -next-line naming no-await-in-loop suppress await-in-loop, and are never reported', () => {
    const findings = (code: string) => analyze(code, 'file.ts').findings.map((finding) => finding.ruleId);
    assert.deepEqual(findings(LOOP('await send(id);', '    // eslint-disable-next-line no-await-in-loop\n')), []);
    assert.deepEqual(findings(LOOP('await send(id); /* eslint-disable-line no-await-in-loop -- one at a time */')), []);
    assert.deepEqual(findings(LOOP('await send(id);', '    // eslint-disable-next-line no-console, no-await-in-loop\n')), []);
    assert.deepEqual(findings(LOOP('await send(id);', '    // eslint-disable-next-line no-console\n')), ['await-in-loop']);
    assert.deepEqual(findings(LOOP('await send(id);', '    // eslint-disable-next-line\n')), ['await-in-loop']);
    assert.deepEqual(findings(LOOP('await send(id);', '    // eslint-disable-next-line no-await-in-loops\n')), ['await-in-loop']);
    assert.deepEqual(unused(`// eslint-disable-next-line no-await-in-loop\nexport const x = 1;\n`), []);
  });

  it('oxlint-disable-line and -next-line naming no-await-in-loop, with or without its plugin, suppress await-in-loop', () => {
    const findings = (code: string) => analyze(code, 'file.ts').findings.map((finding) => finding.ruleId);
    assert.deepEqual(findings(LOOP('await send(id);', '    // oxlint-disable-next-line no-await-in-loop\n')), []);
    assert.deepEqual(findings(LOOP('await send(id);', '    // oxlint-disable-next-line eslint/no-await-in-loop -- paced\n')), []);
    assert.deepEqual(findings(LOOP('await send(id); // oxlint-disable-line no-await-in-loop')), []);
    assert.deepEqual(findings(LOOP('await send(id);', '    // oxlint-disable-next-line no-console\n')), ['await-in-loop']);
    assert.deepEqual(findings(LOOP('await send(id);', '    // xlint-disable-next-line no-await-in-loop\n')), ['await-in-loop']);
    assert.deepEqual(unused(`// oxlint-disable-next-line no-await-in-loop\nexport const x = 1;\n`), []);
  });

  it('an eslint-disable block naming no-await-in-loop suppresses await-in-loop up to its eslint-enable', () => {
    const block = (disable: string, enable: string) =>
      `declare function send(id: string): Promise<void>;\nexport async function all(ids: string[], more: string[]) {\n  ${disable}\n  for (const id of ids) {\n    await send(id);\n  }\n  ${enable}\n  for (const id of more) {\n    await send(id);\n  }\n}\n`;
    const lines = (code: string) => analyze(code, 'file.ts').findings.map((finding) => [finding.ruleId, code.slice(0, finding.start).split('\n').length]);
    assert.deepEqual(lines(block('/* eslint-disable no-await-in-loop */', '/* eslint-enable no-await-in-loop */')), [['await-in-loop', 9]]);
    assert.deepEqual(lines(block('/* eslint-disable no-console, no-await-in-loop -- paced */', '/* eslint-enable */')), [['await-in-loop', 9]]);
    assert.deepEqual(
      lines(block('/* eslint-disable no-await-in-loop */', '/* eslint-enable no-console */')),
      [],
      'an enable of another rule leaves the block open',
    );
    assert.deepEqual(lines(block('/* eslint-disable no-console */', '/* eslint-enable no-console */')), [
      ['await-in-loop', 5],
      ['await-in-loop', 9],
    ]);
    assert.deepEqual(lines(block('/* eslint-enable no-await-in-loop */', '/* eslint-disable no-await-in-loop */')), [['await-in-loop', 5]]);
  });
});

/** A baseline as plain JSON data (it is built without prototypes, so that a file named `__proto__` is a key like any other). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('suppressions file (baseline)', () => {
  const row = (file: string, lineText: string, rule: 'await-in-loop' | 'n-plus-one' = 'await-in-loop') => ({ file, rule, lineText });

  it('fingerprints the line with its whitespace normalized', () => {
    assert.equal(lineFingerprint('await  send(id);\t'), lineFingerprint('await send(id);'));
    assert.notEqual(lineFingerprint('await send(id);'), lineFingerprint('await send(ids);'));
    assert.equal(lineFingerprint('await send(\n  id,\n);'), lineFingerprint('await send('), "a report row's later lines are not part of it");
    assert.match(lineFingerprint('x'), /^[0-9a-f]{16}$/);
  });

  it('covers each finding at most as often as recorded; what it does not cover is reported, what matched nothing is unused', () => {
    const baseline = baselineOf([row('a.ts', 'await send(id);'), row('a.ts', 'await send(id);'), row('b.ts', 'gone();', 'n-plus-one')]);
    const findings = [row('a.ts', 'await send(id);'), row('a.ts', '   await send(id);'), row('a.ts', 'await send(id);'), row('a.ts', 'await other(id);')];
    const { reported, suppressed, matched, unused } = applyBaseline(findings, baseline);
    assert.deepEqual(reported, [findings[2], findings[3]]);
    assert.deepEqual(suppressed, [findings[0], findings[1]]);
    assert.deepEqual(plain(matched), { 'a.ts': { 'await-in-loop': { [lineFingerprint('await send(id);')]: 2 } } });
    assert.deepEqual(plain(unused), { 'b.ts': { 'n-plus-one': { [lineFingerprint('gone();')]: 1 } } });
  });

  it('writes sorted keys and reads back what it wrote; refuses what is not a suppressions file', () => {
    const baseline = baselineOf([row('z.ts', 'b();'), row('a.ts', 'a();', 'n-plus-one'), row('a.ts', 'c();')]);
    const text = formatBaseline(baseline);
    assert.deepEqual(Object.keys(JSON.parse(text) as object), ['a.ts', 'z.ts']);
    assert.deepEqual(Object.keys((JSON.parse(text) as Record<string, object>)['a.ts']!), ['await-in-loop', 'n-plus-one']);
    assert.deepEqual(plain(parseBaseline(text, 'f.json')), JSON.parse(text));
    const odd = parseBaseline('{ "__proto__": { "await-in-loop": { "x": 1 } } }', 'f.json');
    assert.deepEqual(Object.keys(odd), ['__proto__']);
    assert.equal(({} as Record<string, unknown>)['await-in-loop'], undefined, 'nothing leaks into other objects');
    const refused: Array<[string, string]> = [
      ['[]', 'f.json: must be a JSON object of file to rule to line fingerprint to count'],
      ['{ "a.ts": 1 }', 'f.json: "a.ts" must be an object of rule to line fingerprints'],
      ['{ "a.ts": { "await-in-loop": { "x": 0 } } }', 'f.json: "a.ts": "await-in-loop" must map line fingerprints to counts of at least 1'],
      ['{', 'f.json: not valid JSON: '],
    ];
    for (const [input, message] of refused)
      assert.throws(
        () => parseBaseline(input, 'f.json'),
        (error: Error) => error.message.startsWith(message),
        input,
      );
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyFixes, collectProjectFacts, fixText, type AnalysisOptions, type Fix, type TextEdit } from '../src';
import { DEFAULT_OPTIONS } from '../src/engine';
import { parseSource } from '../src/parse';
import { FIXTURES_DIR } from './annotations';
import { mutate, pick, randomSource, SEEDS } from './mutations';

function sourceFilesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return (fs.readdirSync(folder, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function parses(text: string, fileName: string): boolean {
  try {
    parseSource(text, fileName);
    return true;
  } catch {
    return false;
  }
}

const PROJECTS: readonly AnalysisOptions[] = [
  DEFAULT_OPTIONS,
  { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['p-limit', '@prisma/client', 'typeorm']) } },
  { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['p-map', 'sequelize', 'mongoose']) }, concurrencyLimit: 3 },
];

/** A fixed count, so the run is the same on a fast or a loaded machine (about 5 s on two busy cores). */
const INPUTS = 100;

/** What the caller needs to replay a failure. */
function describeInput(fileName: string, text: string): string {
  return `${fileName}: ${JSON.stringify(text.length > 2000 ? `${text.slice(0, 2000)}…` : text)}`;
}

describe('fuzzing the analysis and the fixes', () => {
  it('no exception escapes, findings lie inside the text, and every fix keeps a parsing file parsing', function () {
    this.timeout(120_000);
    const random = randomSource(0x5eed);
    const corpus = [
      ...SEEDS.map((text, index) => ({ fileName: `seed${index}.ts`, text })),
      ...sourceFilesUnder(FIXTURES_DIR).map((file) => ({ fileName: file, text: fs.readFileSync(file, 'utf8') })),
    ];
    let fixesChecked = 0;
    for (let input = 0; input < INPUTS; input++) {
      const original = pick(random, corpus);
      let text = original.text;
      const rounds = Math.floor(random() * 3);
      for (let round = 0; round < rounds; round++) text = mutate(text, random);
      const fileName = random() < 0.2 ? original.fileName.replace(/\.\w+$/, '.js') : original.fileName;
      const options = pick(random, PROJECTS);

      const context = describeInput(fileName, text);
      const result = analyze(text, fileName, options);
      for (const finding of result.findings) {
        assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, `finding out of the text in ${context}`);
      }
      collectProjectFacts(text, fileName);
      const inputParses = parses(text, fileName);
      for (const finding of result.findings) {
        if (!finding.fix || !inputParses) continue;
        fixesChecked++;
        const fixed = applyFixes(text, [finding.fix]).text;
        assert.ok(parses(fixed, fileName), `${finding.ruleId} fix broke ${context}\nto ${JSON.stringify(fixed)}`);
      }
      const all = fixText(text, fileName, options).text;
      if (inputParses) assert.ok(parses(all, fileName), `fixText broke ${context}\nto ${JSON.stringify(all)}`);
    }
    assert.ok(fixesChecked >= 10, `only ${fixesChecked} fixes checked`);
  });
});

/** Two edits conflict when they replace shared text, insert at one point, or one inserts inside the other's range. */
function conflict(a: TextEdit, b: TextEdit): boolean {
  if (a.start === b.start && a.end === b.end && a.text === b.text) return false;
  const aInsert = a.start === a.end;
  const bInsert = b.start === b.end;
  if (aInsert && bInsert) return a.start === b.start;
  if (aInsert) return b.start < a.start && a.start < b.end;
  if (bInsert) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Applies a set of edits by hand, identical ones once, from the end of the text backwards. */
function applyByHand(text: string, edits: readonly TextEdit[]): string {
  const unique = edits.filter(
    (edit, index) => edits.findIndex((other) => other.start === edit.start && other.end === edit.end && other.text === edit.text) === index,
  );
  const ordered = [...unique].sort((a, b) => b.start - a.start || b.end - a.end);
  return ordered.reduce((output, edit) => output.slice(0, edit.start) + edit.text + output.slice(edit.end), text);
}

/** Every subset of a list, as lists. */
function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((subset) => [...subset, item])], [[]]);
}

describe('applyFixes', () => {
  it('applies only whole fixes whose edits do not conflict (random fixes against a brute-force oracle)', () => {
    const random = randomSource(42);
    const text = 'abcdefghijklmnopqrst';
    const randomEdit = (): TextEdit => {
      const start = Math.floor(random() * (text.length + 3)) - 1;
      const length = random() < 0.3 ? 0 : Math.floor(random() * 5);
      return { start, end: start + length, text: pick(random, ['', 'X', 'YY', 'helper()']) };
    };
    for (let round = 0; round < 400; round++) {
      const fixes: Fix[] = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
        title: 'random',
        safe: true,
        edits: Array.from({ length: Math.floor(random() * 3) + (random() < 0.9 ? 1 : 0) }, randomEdit),
      }));
      const result = applyFixes(text, fixes);
      const valid = (edits: readonly TextEdit[]): boolean =>
        edits.every((edit) => 0 <= edit.start && edit.start <= edit.end && edit.end <= text.length) &&
        edits.every((edit, index) => edits.slice(index + 1).every((other) => !conflict(edit, other)));
      const explanations = subsets(fixes).filter(
        (chosen) =>
          chosen.length === result.applied &&
          chosen.every((fix) => fix.edits.length > 0) &&
          valid(chosen.flatMap((fix) => fix.edits)) &&
          applyByHand(
            text,
            chosen.flatMap((fix) => fix.edits),
          ) === result.text,
      );
      assert.ok(explanations.length > 0, `no conflict-free choice of whole fixes explains ${JSON.stringify({ fixes, result })}`);
    }
  });

  it('refuses a fix whose own edits overlap, or that reaches outside the text', () => {
    const text = 'const a = 1;';
    const overlapping: Fix = {
      title: 'overlapping',
      safe: true,
      edits: [
        { start: 0, end: 5, text: 'let' },
        { start: 3, end: 7, text: 'x' },
      ],
    };
    const outside: Fix = { title: 'outside', safe: true, edits: [{ start: 10, end: 20, text: '2;' }] };
    const fine: Fix = { title: 'fine', safe: true, edits: [{ start: 10, end: 11, text: '2' }] };
    assert.deepEqual(applyFixes(text, [overlapping, outside, fine]), { text: 'const a = 2;', applied: 1, newFiles: [] });
  });

  it('applies an edit repeated by several fixes once', () => {
    const helper: TextEdit = { start: 0, end: 0, text: 'import x;\n' };
    const first: Fix = { title: 'first', safe: true, edits: [helper, { start: 6, end: 7, text: 'b' }] };
    const second: Fix = { title: 'second', safe: true, edits: [helper, helper, { start: 10, end: 11, text: '2' }] };
    assert.deepEqual(applyFixes('const a = 1;', [first, second]), { text: 'import x;\nconst b = 2;', applied: 2, newFiles: [] });
  });
});

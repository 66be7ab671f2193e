import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, DEFAULT_OPTIONS } from '../src';
import { fixtureFiles, FIXTURES_DIR } from './annotations';

/** Room for long names in a first sentence that is otherwise about 100 characters. */
const FIRST_SENTENCE_MAX = 130;

/** The first sentence: up to the first period that ends a sentence (not one inside `fs.promises`). */
function firstSentence(message: string): string {
  const end = message.search(/\.(?:\s|$)/);
  return end === -1 ? message : message.slice(0, end + 1);
}

describe('messages of every fixture finding', () => {
  const findings = fixtureFiles().flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const result = analyze(text, file, {
      ...DEFAULT_OPTIONS,
      roles: { test: true, seed: true, migration: true },
      project: { dependencies: new Set(), root: path.dirname(file) },
    });
    return result.findings.map((finding) => ({ where: `${path.relative(FIXTURES_DIR, file)} (${finding.ruleId})`, message: finding.message }));
  });

  it('exist for every rule', () => {
    assert.deepEqual([...new Set(findings.map((finding) => finding.where.replace(/^.*\((.*)\)$/, '$1')))].sort(), [
      'await-in-loop',
      'n-plus-one',
      'sync-io-in-async',
      'unbounded-promise-all',
    ]);
  });

  it('are plain text on one line: no backticks, no line breaks, no unfilled placeholders', () => {
    for (const { where, message } of findings) assert.doesNotMatch(message, /[`\n\r]|\{\{/, where);
  });

  it(`open with a sentence of at most ${FIRST_SENTENCE_MAX} characters`, () => {
    const long = findings.filter(({ message }) => firstSentence(message).length > FIRST_SENTENCE_MAX);
    assert.deepEqual(long, []);
  });

  it('never name a continuation (then, catch, finally) as the work', () => {
    for (const { where, message } of findings) assert.doesNotMatch(message, /\b(?:then|catch|finally)\(/, where);
  });
});

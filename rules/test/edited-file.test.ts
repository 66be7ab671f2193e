import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { ALL_RULES, DEFAULT_OPTIONS, EditedFile } from '../src';
import { analyzeWithRules } from '../src/engine';
import { collectProjectFacts } from '../src/project';
import { convertSourceFile, parseTypeScript } from '../src/parse';
import { readSyntax } from '../src/syntax-signals';
import { repositorySources, seedsAndFixtures } from './annotations';
import { mutate, pick, randomSource } from './mutations';

/** The tree as plain data: `parent` is set by the walk and `comments` found on demand. */
const plain = (ast: unknown): string => JSON.stringify(ast, (key, value: unknown) => (key === 'parent' || key === 'comments' ? undefined : value));

/** The ESTree a fresh parse of the text gives, or the error it throws. */
function freshTree(text: string, fileName: string): string {
  try {
    return plain(convertSourceFile(parseTypeScript(text, fileName), text));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** The ESTree the edited file gives for its next version, or the error it throws. */
function editedTree(edited: EditedFile, text: string, fileName: string): string {
  try {
    return plain(edited.toESTree(edited.parse(text, fileName), text));
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** Offsets of the starts of a few lines spread through the text, where the edits type. */
function lineStarts(text: string, count: number): number[] {
  const starts = [0];
  for (let offset = text.indexOf('\n'); offset !== -1; offset = text.indexOf('\n', offset + 1)) starts.push(offset + 1);
  return Array.from({ length: count }, (_, index) => starts[Math.floor(((index + 1) * starts.length) / (count + 1))]!);
}

/** A file's text, then a line typed into it and deleted again, then a word typed at another line and deleted again. */
function typedAndDeleted(file: string, word: string): Array<{ text: string; what: string }> {
  const original = fs.readFileSync(file, 'utf8');
  const [lineAt, wordAt] = lineStarts(original, 2);
  return [{ text: original, what: file }].concat(
    (
      [
        [lineAt!, '\n'],
        [wordAt!, word],
      ] as const
    ).flatMap(([offset, typed]) => [
      { text: original.slice(0, offset) + typed + original.slice(offset), what: `${file}: ${JSON.stringify(typed)} typed at ${offset}` },
      { text: original, what: `${file}: ${JSON.stringify(typed)} deleted at ${offset}` },
    ]),
  );
}

const CLASS_FILE = `import { db } from './db';
export class Users {
  async first(ids) {
    for (const id of ids) await db.user.find(id);
  }
  second() {
    return 2;
  }
  async third(ids) {
    return Promise.all(ids.map((id) => db.user.find(id)));
  }
}
export const after = 1;
`;

describe('edited file', () => {
  it('gives each version the ESTree a parse of its own gives, as a line and a word are typed and deleted, in every fixture and source file', function () {
    this.timeout(240_000);
    const sources = repositorySources();
    assert.ok(sources.length > 100);
    for (const file of sources) {
      const edited = new EditedFile();
      for (const { text, what } of typedAndDeleted(file, 'x ')) assert.equal(editedTree(edited, text, file), freshTree(text, file), what);
    }
  });

  it('reads each version the syntax signals a walk of the whole file reads, as a line and a word are typed and deleted, in every fixture and source file', function () {
    this.timeout(240_000);
    for (const file of repositorySources()) {
      const edited = new EditedFile();
      for (const { text, what } of typedAndDeleted(file, 'await x; '))
        assert.deepEqual(readSyntax(text, file, edited.parse, edited.signalsOf).signals, readSyntax(text, file).signals, what);
    }
  });

  it('reads from the tree of each version the project facts a parse of their own reads, in every fixture and source file', function () {
    this.timeout(240_000);
    for (const file of repositorySources()) {
      const edited = new EditedFile();
      for (const { text, what } of typedAndDeleted(file, 'export ').slice(0, 3)) {
        const { sourceFile } = readSyntax(text, file, edited.parse, edited.signalsOf);
        assert.deepEqual(collectProjectFacts(text, file, sourceFile), collectProjectFacts(text, file), what);
      }
    }
  });

  it('reads the project facts of a version through its converter, and then gives its analysis the ESTree a parse of its own gives', function () {
    this.timeout(240_000);
    for (const file of repositorySources()) {
      const text = fs.readFileSync(file, 'utf8');
      const edited = new EditedFile();
      const { sourceFile } = readSyntax(text, file, edited.parse, edited.signalsOf);
      if (!sourceFile) continue;
      assert.deepEqual(collectProjectFacts(text, file, sourceFile, edited.toESTree), collectProjectFacts(text, file), file);
      assert.equal(plain(edited.toESTree(sourceFile, text)), freshTree(text, file), file);
    }
  });

  it('gives back the tree of the last version parsed for its text and file name only', () => {
    const edited = new EditedFile();
    const first = edited.parse('const a = 1;\n', '/p/a.ts');
    assert.equal(edited.treeOf('const a = 1;\n', '/p/a.ts'), first);
    assert.equal(edited.treeOf('const a = 1;\n', '/p/b.ts'), undefined);
    const second = edited.parse('const a = 2;\n', '/p/a.ts');
    assert.equal(edited.treeOf('const a = 1;\n', '/p/a.ts'), undefined);
    assert.equal(edited.treeOf('const a = 2;\n', '/p/a.ts'), second);
  });

  it('reads the signals of the part an edit changes, with those kept of the parts it does not touch', () => {
    const edited = new EditedFile();
    const signals = (text: string) => readSyntax(text, 'users.js', edited.parse, edited.signalsOf).signals;
    assert.deepEqual(signals(CLASS_FILE), readSyntax(CLASS_FILE, 'users.js').signals);
    const edit = CLASS_FILE.indexOf('return 2');
    const text = `${CLASS_FILE.slice(0, edit)}const { readFileSync } = require('./files'); return readFileSync(2)${CLASS_FILE.slice(edit + 'return 2'.length)}`;
    const after = signals(text);
    assert.deepEqual(after, readSyntax(text, 'users.js').signals);
    assert.equal(after.blockingName, true);
    assert.deepEqual(after.imports, ['./db', './files']);
  });

  it('gives the findings and fixes of a fresh analysis, version after version of randomly edited code', function () {
    this.timeout(120_000);
    const random = randomSource(0xed17);
    const corpus = seedsAndFixtures();
    for (let series = 0; series < 40; series++) {
      const original = pick(random, corpus);
      const edited = new EditedFile();
      let text = original.text;
      for (let version = 0; version < 6; version++) {
        const { signals, sourceFile } = readSyntax(text, original.file, edited.parse, edited.signalsOf);
        assert.deepEqual(
          analyzeWithRules(text, original.file, DEFAULT_OPTIONS, ALL_RULES, signals, sourceFile, edited.toESTree),
          analyzeWithRules(text, original.file, DEFAULT_OPTIONS, ALL_RULES),
          `${original.file}, version ${version}`,
        );
        text = mutate(text, random);
      }
    }
  });

  it('keeps the ESTree of the statements and class members an edit does not touch, its ranges moved by the edit', () => {
    const edited = new EditedFile();
    const members = (program: TSESTree.Program) => ((program.body[1] as TSESTree.ExportNamedDeclaration).declaration as TSESTree.ClassDeclaration).body.body;
    const before = edited.toESTree(edited.parse(CLASS_FILE, 'users.js'), CLASS_FILE);
    const [first, second, third] = members(before);
    const thirdStart = third!.range[0];
    const edit = CLASS_FILE.indexOf('return 2');
    const text = `${CLASS_FILE.slice(0, edit)}return 22${CLASS_FILE.slice(edit + 'return 2'.length)}`;
    const after = edited.toESTree(edited.parse(text, 'users.js'), text);
    assert.equal(after.body[0], before.body[0]);
    assert.equal(members(after)[0], first);
    assert.notEqual(members(after)[1], second);
    assert.equal(members(after)[2], third);
    assert.equal(third!.range[0], thirdStart + 1);
    assert.equal(after.body[2], before.body[2]);
    assert.equal(plain(after), freshTree(text, 'users.js'));
  });

  it('reads a string statement as a directive once the statements before it are gone', () => {
    const edited = new EditedFile();
    const original = `run();\n'use strict';\nconst x = 1;\n`;
    assert.equal(editedTree(edited, original, 'a.js'), freshTree(original, 'a.js'));
    const text = original.slice('run();\n'.length);
    assert.equal(editedTree(edited, text, 'a.js'), freshTree(text, 'a.js'));
    assert.match(editedTree(edited, text, 'a.js'), /"directive":"use strict"/);
  });

  it('parses a renamed file from scratch', () => {
    const edited = new EditedFile();
    const text = 'const view = <div />;\n';
    assert.match(editedTree(edited, text, 'a.ts'), /^error/);
    assert.equal(editedTree(edited, text, 'a.tsx'), freshTree(text, 'a.tsx'));
  });
});

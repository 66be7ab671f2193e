import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { parseSource } from '../src/parse';
import { REPO_ROOT } from './annotations';

/** The comments as the parser itself reports them (its eager pass, which parseSource leaves out). */
function parserComments(text: string, fileName: string): unknown {
  const ast = parse(text, {
    range: true,
    loc: false,
    comment: true,
    tokens: false,
    jsx: /\.(tsx|jsx|js|mjs|cjs)$/i.test(fileName),
    suppressDeprecatedPropertyWarnings: true,
  });
  return JSON.parse(JSON.stringify(ast.comments));
}

function lazyComments(text: string, fileName: string): unknown {
  return JSON.parse(JSON.stringify(parseSource(text, fileName).comments));
}

const TRICKY: Array<{ name: string; fileName: string; text: string }> = [
  {
    name: 'a shebang, line and block comments, CRLF and U+2028 line breaks',
    fileName: 'a.ts',
    text: '#!/usr/bin/env node\r\n// one\r\nlet x = 1; /* two */\u2028// three\n/* four\n five */',
  },
  {
    name: 'comment markers inside strings, regular expressions and templates',
    fileName: 'a.ts',
    text: 'const a = \'//\', b = "/*", c = /\\/*x/g, d = `// ${a /* in */} /* ${b}`; // end\nconst e = a / /* divided */ 2;',
  },
  { name: 'template literal types', fileName: 'a.ts', text: 'type Url = `http://${string}`; // kept' },
  {
    name: 'JSX text, attributes and empty expressions',
    fileName: 'a.tsx',
    text: 'const v = <a href=\'//x\' title="/*">see // not a comment {/* a comment */} /* text */</a>; // after',
  },
  { name: 'an unterminated line comment at the end', fileName: 'a.js', text: 'f(); //' },
];

describe('comments found on first read', () => {
  for (const sample of TRICKY) {
    it(`match the parser's own list: ${sample.name}`, () => {
      assert.deepEqual(lazyComments(sample.text, sample.fileName), parserComments(sample.text, sample.fileName));
    });
  }

  it('are the exact comments of a sample, with ranges and values', () => {
    const text = "const a = '//'; /* b */ // c";
    assert.deepEqual(
      (parseSource(text, 'a.ts').comments ?? []).map((comment) => [comment.type, comment.range, comment.value]),
      [
        ['Block', [16, 23], ' b '],
        ['Line', [24, 28], ' c'],
      ],
    );
  });

  it("match the parser's own list on every source file of the repository and the fixtures", function () {
    // Parses every source file twice: minutes on a busy machine, not the 20 s of one ordinary test.
    this.timeout(300_000);
    const files: string[] = [];
    const visit = (directory: string): void => {
      for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (/\.(ts|tsx|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
      }
    };
    for (const root of ['rules', 'cli', 'server', 'client', 'bench', 'test-fixtures']) {
      if (fs.existsSync(path.join(REPO_ROOT, root))) visit(path.join(REPO_ROOT, root));
    }
    let compared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      let expected: unknown;
      try {
        expected = parserComments(text, file);
      } catch {
        continue; // files with syntax errors on purpose
      }
      assert.deepEqual(lazyComments(text, file), expected, file);
      compared++;
    }
    assert.ok(compared > 50, `compared ${compared} files`);
  });
});

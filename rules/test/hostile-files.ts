import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_LINE_LENGTH } from '../src/content';

/** Ordinary code with a finding of every rule that needs no ORM. */
export const ORDINARY_CODE = `import { readFileSync } from 'node:fs';

export async function load(ids: string[]) {
  const config = readFileSync('config.json', 'utf8');
  for (const id of ids) {
    await fetch(\`/items/\${id}\`);
  }
  return Promise.all(ids.map((id) => fetch(\`/users/\${id}\`, { body: config })));
}
`;

/** A byte order mark, then the ordinary code with CRLF line endings. */
export const BOM_CRLF_CODE = `\uFEFF${ORDINARY_CODE.replace(/\n/g, '\r\n')}`;

/** The ordinary code, then a function with a syntax error: the first part must still be reported. */
export const SYNTAX_ERROR_CODE = `${ORDINARY_CODE}
export function broken(items: string[]) {
  for (const item of items {
    console.log(item);
  }
}
`;

/** Files that hold code the tools must analyze as usual, by name relative to the hostile folder. */
export const ORDINARY_FILES: Readonly<Record<string, string>> = {
  'ordinary.ts': ORDINARY_CODE,
  'name with spaces.ts': ORDINARY_CODE,
  'ünïcödé 名前.ts': ORDINARY_CODE,
  'nested/deeper/ordinary.mjs': ORDINARY_CODE.replace(': string[]', ''),
  'bom-crlf.ts': BOM_CRLF_CODE,
  'empty.ts': '',
};

/** Files whose broken declarations are skipped, the rest analyzed. */
export const PARTIAL_FILES: Readonly<Record<string, string>> = {
  'syntax-error.ts': SYNTAX_ERROR_CODE,
};

/**
 * Code nested so deeply that the parser overflows its stack (one level per line, to pass the
 * line-length limit), with what makes the rules read it: an `await` and a blocking call.
 */
export function deeplyNestedCode(depth = 50_000): string {
  return `import { readFileSync } from 'node:fs';\nexport const deep = async () => await ${'(\n'.repeat(depth)}readFileSync('/')${')\n'.repeat(depth)};\n`;
}

/** Files that cannot be analyzed at all, each for its own reason; the tools must list them and go on. */
export function unanalyzableFiles(maxFileSize: number): Record<string, string | Buffer> {
  const line = `export const value${'x'.repeat(40)} = 1;\n`;
  return {
    'binary.ts': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xff, 0xd8, 0x00, 0x10]),
    'latin1.ts': Buffer.from([...Buffer.from('export const s = "'), ...Array.from({ length: 40 }, (_, i) => 0xc0 + (i % 32)), ...Buffer.from('";\n')]),
    'deep.ts': deeplyNestedCode(),
    'minified.js': `${ORDINARY_CODE.replace(/\n\s*/g, ' ')}${'var a=1;'.repeat(MAX_LINE_LENGTH / 4)}\n`,
    'huge.ts': line.repeat(Math.ceil((maxFileSize + 1) / line.length)),
  };
}

/** Writes every hostile and ordinary file below `folder`, plus links that loop. */
export function writeHostileFolder(folder: string, maxFileSize: number): void {
  const files: Record<string, string | Buffer> = { ...ORDINARY_FILES, ...PARTIAL_FILES, ...unanalyzableFiles(maxFileSize) };
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  // Links that point at each other, and a folder link back to its parent: a walk that followed them would never end.
  fs.symlinkSync('loop-b.ts', path.join(folder, 'loop-a.ts'));
  fs.symlinkSync('loop-a.ts', path.join(folder, 'loop-b.ts'));
  fs.symlinkSync('..', path.join(folder, 'nested', 'parent-loop'));
  fs.symlinkSync('missing.ts', path.join(folder, 'dangling.ts'));
}

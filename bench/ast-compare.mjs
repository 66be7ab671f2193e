// `node bench/ast-compare.mjs DIR...` (Node.js 22 or later): every source file under each DIR parsed by typescript-estree (as the core
// converts TypeScript's tree) and by oxc-parser's raw transfer (as the core adapts it), compared node by node: type, range and every
// field. Prints each kind of difference with its count and a first example, and the files one parser rejects and the other accepts.
// Exit status 1 when anything differs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sourceFiles } from './source-files.mjs';
import { relative } from 'node:path';

const require = createRequire(import.meta.url);
const { parseSource } = require('../out/rules/src/parse.js');
const { oxcParser } = require('../out/rules/src/parse-oxc.js');

const parseOxc = oxcParser();
if (!parseOxc) throw new Error(`oxc-parser's raw transfer is not available on Node.js ${process.version}`);

const IGNORED = new Set(['parent', 'loc', 'comments', 'tokens']);
const differences = new Map();

function note(kind, file, path, detail) {
  const entry = differences.get(kind) ?? { count: 0, example: `${file} ${path} ${detail}` };
  entry.count++;
  differences.set(kind, entry);
}

const isNode = (value) => value !== null && typeof value === 'object' && typeof value.type === 'string' && !Array.isArray(value);

function show(value) {
  if (value === undefined) return 'undefined';
  if (isNode(value)) return `<${value.type}>`;
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof RegExp) return String(value);
  return JSON.stringify(value);
}

function same(a, b) {
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
  // Plain objects (`TemplateElement.value`, `Literal.regex`): the same fields, in any order.
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => same(a[key], b[key]));
  }
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  return a === b;
}

function compare(estree, oxc, file, path) {
  if (!isNode(oxc)) return note(`${estree.type}: oxc gives ${show(oxc)}`, file, path, '');
  if (estree.type !== oxc.type) return note(`type ${estree.type} -> ${oxc.type}`, file, path, `at ${estree.range}`);
  if (estree.range[0] !== oxc.range?.[0] || estree.range[1] !== oxc.range?.[1]) note(`${estree.type}.range`, file, path, `${estree.range} vs ${oxc.range}`);
  const keys = new Set([...Object.keys(estree), ...Object.keys(oxc)]);
  for (const key of keys) {
    if (IGNORED.has(key) || key === 'type' || key === 'range' || key === 'start' || key === 'end') continue;
    const a = estree[key];
    const b = oxc[key];
    const here = `${path}.${key}`;
    if (!(key in oxc) && a !== undefined) note(`${estree.type}.${key} missing in oxc (estree ${show(a)})`, file, here, '');
    else if (!(key in estree) && b !== undefined) note(`${estree.type}.${key} only in oxc (${show(b)})`, file, here, '');
    else if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
        note(`${estree.type}.${key} ${show(a)} vs ${show(b)}`, file, here, `at ${estree.range}`);
        continue;
      }
      for (let i = 0; i < a.length; i++) {
        if (isNode(a[i])) compare(a[i], b[i], file, `${here}[${i}]`);
        else if (!same(a[i], b[i])) note(`${estree.type}.${key}[] ${show(a[i])} vs ${show(b[i])}`, file, here, `at ${estree.range}`);
      }
    } else if (isNode(a)) compare(a, b, file, here);
    else if (isNode(b)) note(`${estree.type}.${key} ${show(a)} vs ${show(b)}`, file, here, `at ${estree.range}`);
    else if (!same(a, b)) {
      const kind = typeof a === 'boolean' || a === null || b === null || a === undefined || b === undefined ? `${show(a)} vs ${show(b)}` : 'value';
      note(`${estree.type}.${key} ${kind}`, file, here, `${show(a)} vs ${show(b)} at ${estree.range}`);
    }
  }
}

let files = 0;
for (const directory of process.argv.slice(2)) {
  for (const file of sourceFiles(directory)) {
    files++;
    const text = readFileSync(file, 'utf8');
    const name = relative(process.cwd(), file);
    let estree, estreeError, oxc, oxcError;
    try {
      estree = parseSource(text, file);
    } catch (error) {
      estreeError = error;
    }
    try {
      oxc = parseOxc(text, file);
    } catch (error) {
      oxcError = error;
    }
    if (estreeError || oxcError) {
      if (!estreeError) note(`only oxc rejects: ${oxcError.message.split('\n')[0]}`, name, '', '');
      else if (!oxcError) note(`only typescript-estree rejects: ${estreeError.message.split('\n')[0]}`, name, '', '');
      else if (estreeError.index !== oxcError.index) note('both reject, at different offsets', name, '', `${estreeError.index} vs ${oxcError.index}`);
      continue;
    }
    compare(estree, oxc, name, 'Program');
  }
}
const sorted = [...differences].sort((a, b) => b[1].count - a[1].count);
for (const [kind, { count, example }] of sorted) process.stdout.write(`${count}\t${kind}\n\t\t${example}\n`);
process.stdout.write(`${files} files, ${sorted.length} kinds of difference\n`);
process.exitCode = sorted.length > 0 ? 1 : 0;

// `node bench/parsers.mjs PARSER DIR [ROUNDS]`: CPU time of one parser over every source file under DIR, in this process.
// PARSER: typescript (ts.createSourceFile), estree (typescript-estree as the core calls it), or oxc (oxc-parser's
// parseSync, resolved from OXC_PARSER_PATH or node_modules; it is not a dependency of the project).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sourceFiles } from './source-files.mjs';

const require = createRequire(import.meta.url);

/** Each parser as a function of (text, fileName); each returns the tree so that nothing is optimized away. */
function parserNamed(name) {
  switch (name) {
    case 'typescript': {
      const ts = require('typescript');
      return (text, file) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    }
    case 'estree': {
      const { parseSource } = require('../out/rules/src/parse.js');
      return parseSource;
    }
    case 'oxc': {
      const { parseSync } = require(process.env.OXC_PARSER_PATH ?? 'oxc-parser');
      return (text, file) => parseSync(file, text, { range: true }).program;
    }
    default:
      throw new Error(`unknown parser ${name} (known: typescript, estree, oxc)`);
  }
}

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const [name, directory, rounds = '3'] = process.argv.slice(2);
const files = sourceFiles(directory);
const texts = files.map((file) => readFileSync(file, 'utf8'));
const started = cpuMs();
const parse = parserNamed(name);
const loadMs = cpuMs() - started;
const times = [];
let failed = 0;
for (let round = 0; round < Number(rounds); round++) {
  const before = cpuMs();
  failed = 0;
  for (const [index, text] of texts.entries()) {
    try {
      parse(text, files[index]);
    } catch {
      failed++;
    }
  }
  times.push(cpuMs() - before);
}
const bytes = texts.reduce((sum, text) => sum + text.length, 0);
process.stdout.write(
  `${name}: ${files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MB, load ${loadMs.toFixed(0)} ms, ` +
    `parse CPU per round ${times.map((ms) => ms.toFixed(0)).join(' / ')} ms (best ${Math.min(...times).toFixed(0)}), ${failed} failed, ` +
    `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB\n`,
);

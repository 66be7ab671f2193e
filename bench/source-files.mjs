// Every source file under a folder, as the command picks them (node_modules and .git left out): what the parser benches read.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { isSourceFile } = require('../out/rules/src/index.js');

export function sourceFiles(directory, files = []) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) sourceFiles(path, files);
    else if (entry.isFile() && isSourceFile(path)) files.push(path);
  }
  return files;
}

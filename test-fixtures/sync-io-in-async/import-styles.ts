import fs from 'fs';
import * as nodeFs from 'node:fs';
import { readFileSync, statSync as stat, existsSync } from 'fs';
import fsExtra = require('fs-extra');
import { readFile } from 'node:fs/promises';

const read = fs.readFileSync;

export async function defaultImport(file: string) {
  return fs.readFileSync(file, 'utf8');
//       ^^^^^^^^^^^^^^^ sync-io-in-async
}

export async function namespaceImport(file: string) {
  return nodeFs.readFileSync(file, 'utf8');
//       ^^^^^^^^^^^^^^^^^^^ sync-io-in-async
}

export async function namedImports(files: string[]) {
  return files.map((file) => {
    const size = stat(file).size;
//               ^^^^ sync-io-in-async
    return existsSync(file) ? readFileSync(file, 'utf8').slice(0, size) : '';
  });
}

export async function constAlias(file: string) {
  return read(file);
//       ^^^^ sync-io-in-async
}

export async function importEqualsRequire(file: string) {
  return fsExtra.readJsonSync(file);
//       ^^^^^^^^^^^^^^^^^^^^ sync-io-in-async
}

export async function alreadyAsync(file: string) {
  return readFile(file, 'utf8');
}

export const arrow = async (files: string[]) => files.map((file) => fs.statSync(file).size);
//                                                                  ^^^^^^^^^^^ sync-io-in-async

export async function insideCallback(dir: string) {
  return fs.readdirSync(dir).filter((name) => fs.lstatSync(`${dir}/${name}`).isFile());
//       ^^^^^^^^^^^^^^ sync-io-in-async
}

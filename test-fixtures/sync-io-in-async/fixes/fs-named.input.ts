import { readFileSync, writeFileSync, mkdirSync } from 'fs';
import { appendFile } from 'fs/promises';

const readFile = (name: string) => `cached:${name}`;

export async function archive(source: string, target: string) {
  mkdirSync(target, { recursive: true });
  const body = readFileSync(source, 'utf8');
  writeFileSync(`${target}/copy.txt`, body + readFile(source));
  await appendFile(`${target}/log.txt`, `${source}\n`);
  return readFileSync(`${target}/copy.txt`).byteLength ** 2;
}

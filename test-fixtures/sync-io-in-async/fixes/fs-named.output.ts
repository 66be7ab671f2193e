import { readFileSync, writeFileSync, mkdirSync } from 'fs';
import { appendFile, readFile as readFileAsync, writeFile } from 'fs/promises';

const readFile = (name: string) => `cached:${name}`;

export async function archive(source: string, target: string) {
  mkdirSync(target, { recursive: true });
  const body = await readFileAsync(source, 'utf8');
  await writeFile(`${target}/copy.txt`, body + readFile(source));
  await appendFile(`${target}/log.txt`, `${source}\n`);
  return (await readFileAsync(`${target}/copy.txt`)).byteLength ** 2;
}

import { readFile } from 'node:fs/promises';
import pMap from 'p-map';

export async function manifests(dirs: string[]): Promise<unknown[]> {
  const result: unknown[] = [];
  const texts = await pMap(dirs, (dir) => readFile(`${dir}/package.json`, 'utf8'), { concurrency: 8 });
  for (const [index, dir] of dirs.entries()) {
    const text = texts[index]!;
    result.push(JSON.parse(text));
  }
  return result;
}

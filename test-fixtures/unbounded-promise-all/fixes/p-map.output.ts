import { readFile } from 'node:fs/promises';
import pMap from 'p-map';

export async function readAll(paths: string[]): Promise<string[]> {
  return pMap(paths, (path) => readFile(path, 'utf8'), { concurrency: 8 });
}

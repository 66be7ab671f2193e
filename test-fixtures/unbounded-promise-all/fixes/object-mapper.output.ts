import { readFile } from 'node:fs/promises';
import pLimit from 'p-limit';

export async function readAll(paths: string[]): Promise<Array<{ path: string; text: string }>> {
  const limit = pLimit(4);
  return Promise.all(paths.map((path) => limit(async () => ({ path, text: await readFile(path, 'utf8') }))));
}

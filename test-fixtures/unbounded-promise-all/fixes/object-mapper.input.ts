import { readFile } from 'node:fs/promises';

export async function readAll(paths: string[]): Promise<Array<{ path: string; text: string }>> {
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
}

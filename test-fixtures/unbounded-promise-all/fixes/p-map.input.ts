import { readFile } from 'node:fs/promises';

export async function readAll(paths: string[]): Promise<string[]> {
  return Promise.all(paths.map((path) => readFile(path, 'utf8')));
}

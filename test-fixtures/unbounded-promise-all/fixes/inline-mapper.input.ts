import { readFile } from 'node:fs/promises';

export async function readAll(paths: string[]): Promise<string[]> {
  const texts = await Promise.all(paths.map((path) => readFile(path, 'utf8')));
  return texts.map((text) => text.trim());
}

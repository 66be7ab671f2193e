import { readFile } from 'node:fs/promises';

export async function readAll(paths: string[]): Promise<string[]> {
  const texts = await Promise.all(paths.map(async (path) => {
    const text = await readFile(path, 'utf8');
    return text.trim();
  }));
  return texts;
}

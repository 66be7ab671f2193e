import { readFile } from 'node:fs/promises';
import pLimit from 'p-limit';

export async function readAll(paths: string[]): Promise<string[]> {
  const limit = pLimit(4);
  const texts = await Promise.all(paths.map((path) => limit(async () => {
    const text = await readFile(path, 'utf8');
    return text.trim();
  })));
  return texts;
}

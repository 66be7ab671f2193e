import { readFile } from 'node:fs/promises';

export async function totalSize(files: readonly string[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < files.length; i++) {
    const text = await readFile(files[i]!, 'utf8');
    total += text.length;
    console.log(`${files[i]}: ${text.length}`);
  }
  return total;
}

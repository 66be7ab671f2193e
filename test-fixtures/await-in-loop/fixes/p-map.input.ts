import { readFile } from 'node:fs/promises';

export async function manifests(dirs: string[]): Promise<unknown[]> {
  const result: unknown[] = [];
  for (const dir of dirs) {
    const text = await readFile(`${dir}/package.json`, 'utf8');
    result.push(JSON.parse(text));
  }
  return result;
}

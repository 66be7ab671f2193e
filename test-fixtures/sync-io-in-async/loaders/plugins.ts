// valid: boot-time loaders: they read the project's folders once, before the application serves.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readdir } from 'node:fs/promises';

export default async function pluginsLoader(rootDirectory: string): Promise<string[]> {
  const sources: string[] = [];
  const pluginsFolder = path.join(rootDirectory, 'src', 'plugins');
  if (fs.existsSync(pluginsFolder)) {
    sources.push(pluginsFolder);
  }
  return sources;
}

export async function importAllFrom(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names.filter((name) => fs.statSync(path.join(folder, name)).isFile());
}

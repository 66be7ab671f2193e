import fs from 'node:fs';
import path from 'node:path';

export async function loadProfile(dir: string, id: string) {
  const file = path.join(dir, `${id}.json`);
  if (!fs.existsSync(file)) return undefined;
  const stats = fs.statSync(file);
  const raw = (await fs.promises.readFile(file)).toString('utf8');
  const optional = fs.statSync(`${file}.bak`, { throwIfNoEntry: false });
  const siblings = (await fs.promises.readdir(dir)).map((name) => fs.statSync(path.join(dir, name)).size);
  await fs.promises.writeFile(`${file}.seen`, new Date(stats.mtimeMs).toISOString());
  return { profile: JSON.parse(raw), backup: optional?.size, siblings };
}

import { readdir, readFile } from 'node:fs/promises';
import fg from 'fast-glob';

declare const storage: { upload(key: string, body: string): Promise<void> };
declare const geocoder: { lookup(address: string): Promise<unknown> };

export async function publishDocs(dir: string): Promise<void> {
  const names = await readdir(dir);
  await Promise.all(names.map(async (name) => storage.upload(name, await readFile(`${dir}/${name}`, 'utf8'))));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function publishMarkdown(root: string): Promise<void> {
  const paths = await fg('**/*.md', { cwd: root });
  await Promise.all(paths.map(async (path) => storage.upload(path, await readFile(path, 'utf8'))));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function geocodeList(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8');
  const addresses = text.split('\n').filter(Boolean);
  return Promise.all(addresses.map((address) => geocoder.lookup(address)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function geocodePayload(raw: string): Promise<unknown[]> {
  const places: Array<{ address: string }> = JSON.parse(raw);
  return Promise.all(places.map((place) => geocoder.lookup(place.address)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function geocodeFields(address: string): Promise<unknown[]> {
  const parts = address.split(',');
  return Promise.all(parts.map((part) => geocoder.lookup(part.trim())));
}

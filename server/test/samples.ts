/** Documents the server tests share. */

/** A blocking read in an async function: one sync-io-in-async finding on `readFileSync`'s call. */
export const BLOCKING_READ = `import { readFileSync } from 'node:fs';

export async function load(name: string) {
  const text = readFileSync(name, 'utf8');
  return text.length;
}
`;

export const CLEAN = `export async function load(read: (name: string) => Promise<string>, name: string) {
  return (await read(name)).length;
}
`;

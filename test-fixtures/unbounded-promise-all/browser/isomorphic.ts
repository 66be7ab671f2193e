// Code that runs on the server too: it reads Node's process or modules beside the page's globals, or drives a page from the server.
import { readFile } from 'node:fs/promises';

declare function upload(path: string): Promise<void>;

export const baseUrl = typeof window === 'undefined' ? process.cwd() : window.location.origin;

export async function uploadAll(paths: string[]) {
  const contents = await Promise.all(paths.map((path) => readFile(path)));
  //                     ^^^^^^^^^^^ unbounded-promise-all
  await Promise.all(paths.map((path) => upload(path)));
  //    ^^^^^^^^^^^ unbounded-promise-all
  return contents;
}

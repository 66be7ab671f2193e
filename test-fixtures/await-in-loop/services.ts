import { promises as fs } from 'node:fs';
import * as path from 'node:path';

interface Repo {
  owner: string;
  name: string;
}

interface HttpClient {
  get<T>(url: string): Promise<T>;
  post<T>(url: string, body: unknown): Promise<T>;
}

interface Storage {
  upload(key: string, body: Buffer): Promise<void>;
}

declare const logger: { info(message: string): void };

/** A service class whose loops call an injected HTTP client. */
export class GithubStats {
  constructor(private readonly http: HttpClient) {}

  async stars(repos: Repo[]): Promise<Map<string, number>> {
    const stars = new Map<string, number>();
    for (const repo of repos) {
      const data = await this.http.get<{ stargazers_count: number }>(`/repos/${repo.owner}/${repo.name}`);
      //           ^^^^^ await-in-loop
      stars.set(`${repo.owner}/${repo.name}`, data.stargazers_count);
    }
    return stars;
  }

  async labels(repo: Repo, names: string[]): Promise<void> {
    for (const name of names) {
      try {
        await this.http.post(`/repos/${repo.owner}/${repo.name}/labels`, { name });
//      ^^^^^ await-in-loop
      } catch (error) {
        logger.info(`label ${name} exists: ${String(error)}`);
      }
    }
  }
}

/** A deploy script that uploads a build folder file by file. */
export async function uploadFolder(storage: Storage, folder: string, prefix: string): Promise<number> {
  const files = await fs.readdir(folder);
  let bytes = 0;
  for (const file of files) {
    const body = await fs.readFile(path.join(folder, file));
    //           ^^^^^ await-in-loop
    await storage.upload(`${prefix}/${file}`, body);
    bytes += body.length;
  }
  return bytes;
}

/** An index loop that fills a result array by position. */
export async function checksums(paths: string[], hash: (data: Buffer) => string): Promise<string[]> {
  const result = new Array<string>(paths.length);
  for (let index = 0; index < paths.length; index++) {
    result[index] = hash(await fs.readFile(paths[index]!));
    //                   ^^^^^ await-in-loop
  }
  return result;
}

/** Entries of an object, destructured. */
export async function writeAll(outputs: Record<string, string>, dir: string): Promise<void> {
  for (const [name, contents] of Object.entries(outputs)) {
    await fs.writeFile(path.join(dir, name), contents);
//  ^^^^^ await-in-loop
    logger.info(`wrote ${name}`);
  }
}

/** Awaiting a call on each iteration's own item property is still independent work. */
export async function sizes(dirs: string[]): Promise<Record<string, number>> {
  const sizesByDir: Record<string, number> = {};
  for (const dir of dirs) {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    //              ^^^^^ await-in-loop
    sizesByDir[dir] = entries.filter((entry) => entry.isFile()).length;
  }
  return sizesByDir;
}

/** A labelled outer loop whose inner loop only continues the outer one on a plain condition. */
export async function scan(groups: string[][], http: HttpClient): Promise<void> {
  groups: for (const group of groups) {
    for (const url of group) {
      if (url.startsWith('#')) continue groups;
      await http.get(url);
//    ^^^^^ await-in-loop
    }
  }
}

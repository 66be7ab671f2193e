// A field the class only ever sets from a fixed list of files holds that many; a field it adds to
// holds as many as were added.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

type EnvFile = { path: string; lines: string[] };

export class EnvEditor {
  #files: EnvFile[] = [];
  private pending: string[] = [];

  constructor(private readonly root: string) {}

  async load(): Promise<void> {
    this.#files = await Promise.all(
      [join(this.root, '.env'), join(this.root, '.env.template')].map(async (path) => ({
        path,
        lines: (await readFile(path, 'utf8')).split('\n'),
      })),
    );
  }

  async save(): Promise<void> {
    await Promise.all(this.#files.map((file) => writeFile(file.path, file.lines.join('\n'))));
  }

  queue(path: string): void {
    this.pending.push(path);
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending.map((path) => writeFile(path, '')));
    //    ^^^^^^^^^^^ unbounded-promise-all
  }
}

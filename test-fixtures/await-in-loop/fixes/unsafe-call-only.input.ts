import { unlink } from 'node:fs/promises';

/** Removes the generated files. */
export async function clean(paths: string[]): Promise<void> {
  for (const path of paths) {
    await unlink(path);
  }
}

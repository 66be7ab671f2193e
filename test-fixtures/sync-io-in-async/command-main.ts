// A command's main ends the process once its work is done: what it reads, it reads once. Exiting on an error alone says nothing.
import { existsSync, readFileSync } from 'node:fs';
import express from 'express';

export default async function exec({ file }: { file: string }): Promise<void> {
  const app = express();
  try {
    if (!existsSync(file)) throw new Error(`${file} does not exist`);
    const script = (await import(file)) as { default: (app: unknown) => Promise<void> };
    await script.default(app);
    process.exit();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}

export async function consume(path: string): Promise<string> {
  try {
    return readFileSync(path, 'utf8');
    //     ^^^^^^^^^^^^ sync-io-in-async
  } catch {
    process.exit(1);
  }
}

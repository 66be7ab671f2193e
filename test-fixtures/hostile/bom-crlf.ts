// A byte order mark and CRLF line endings: lines and columns are still exact.
import { readFileSync } from 'node:fs';

export async function load(file: string) {
  return readFileSync(file, 'utf8');
//       ^^^^^^^^^^^^ sync-io-in-async
}

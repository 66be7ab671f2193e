// partially analyzed: the function with a syntax error is skipped, the rest is still checked
import { readFileSync } from 'node:fs';

export async function loadSettings(file: string) {
  const text = readFileSync(file, 'utf8');
//             ^^^^^^^^^^^^ sync-io-in-async
  return JSON.parse(text);
}

export async function halfWritten(files: string[]) {
  for (const file of files {
    readFileSync(file);
  }
}

export class Settings {
  async reload(file: string) {
    return readFileSync(file, 'utf8');
//         ^^^^^^^^^^^^ sync-io-in-async
  }

  async broken( {
    return readFileSync('broken.json');
  }
}

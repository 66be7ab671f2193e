import fs from 'node:fs';
import path from 'node:path';

// A request handler calls it, for every report asked for.
export async function renderReport(id: string): Promise<string> {
  const data = JSON.parse(fs.readFileSync(path.join('reports', `${id}.json`), 'utf8'));
//                        ^^^^^^^^^^^^^^^ sync-io-in-async
  return `<h1>${data.title}</h1>`;
}

import { execSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { tmpdir } from 'node:os';

// The command comes first and has no safe rewrite: the read after it does not hide it.
export async function exportDiagram(source: string): Promise<string> {
  const target = join(tmpdir(), `diagram-${Date.now()}.svg`);
  execSync(`dot -Tsvg "${source}" -o "${target}"`);
//^^^^^^^^ sync-io-in-async
  const svg = readFileSync(target, 'utf8');
//            ^^^^^^^^^^^^ sync-io-in-async
  return svg.replace(/<!--.*?-->/g, '');
}

// The read comes first: the command after it stands beside its finding.
export async function describeRevision(file: string): Promise<string> {
  const notes = readFileSync(file, 'utf8');
//              ^^^^^^^^^^^^ sync-io-in-async
  const revision = execSync('git rev-parse HEAD').toString().trim();
  return `${revision}\n${notes}`;
}

// A check before the work stands beside the call that does the work.
export async function restoreFiles(entries: ArchiveEntry[], overwrite: boolean): Promise<void> {
  for (const entry of entries) {
    if (!overwrite && existsSync(entry.target)) continue;
    mkdirSync(dirname(entry.target), { recursive: true });
//  ^^^^^^^^^ sync-io-in-async
    await pipeline(entry.open(), createWriteStream(entry.target));
  }
}

interface ArchiveEntry {
  target: string;
  open(): NodeJS.ReadableStream;
}

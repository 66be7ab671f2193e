import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

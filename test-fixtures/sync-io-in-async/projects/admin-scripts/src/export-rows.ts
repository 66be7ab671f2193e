// Imported by an admin script and by the server's routes: it blocks the server.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

export async function exportRows(folder: string, rows: unknown[]) {
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
  writeFileSync(folder + '/rows.json', JSON.stringify(rows));
}

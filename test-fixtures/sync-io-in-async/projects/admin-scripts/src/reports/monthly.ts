// No file imports it (a framework may load it by its path): it stays production code.
import { readFileSync } from 'node:fs';

export async function monthlyReport(month: string) {
  return readFileSync(`reports/${month}.csv`, 'utf8');
}

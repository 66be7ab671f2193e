// valid
import { importRows } from './import-rows';

const IMPORT_BATCH = 100;

export async function runImport(rows: Array<{ email: string }>) {
  for (let start = 0; start < rows.length; start += IMPORT_BATCH) {
    await importRows(rows.slice(start, start + IMPORT_BATCH));
  }
}

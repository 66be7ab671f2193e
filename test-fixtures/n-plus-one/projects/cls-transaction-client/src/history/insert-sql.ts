// valid
/** Builds one multi-row INSERT for whichever table it is given. */
export class InsertSqlBuilder {
  rows(table: string, rows: Array<Record<string, string | number>>): string {
    const columns = Object.keys(rows[0] ?? {});
    const values = rows.map((row) => `(${columns.map((column) => `'${String(row[column]).replace(/'/g, "''")}'`).join(', ')})`);
    return `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES ${values.join(', ')}`;
  }
}

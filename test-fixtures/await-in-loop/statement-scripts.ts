// A list of whole statements compiled or written before the loop is a script: a DELETE before the INSERTs that follow it,
// one schema step after another. Sent one by one, it stays in order. A statement made per item, a search per query,
// and another method handed the item are reported.
interface CompiledQuery {
  sql: string;
  parameters: readonly unknown[];
}

interface Executor {
  executeQuery(query: CompiledQuery): Promise<{ rows: unknown[] }>;
}

declare const pool: { query(text: string): Promise<{ rows: unknown[] }> };
declare const searchIndex: { query(text: string): Promise<{ hits: string[] }> };
declare const audit: { record(query: CompiledQuery): Promise<void> };

export class BoardWriter {
  private readonly sql: CompiledQuery[] = [];

  constructor(private readonly executor: Executor) {}

  unlinkTables(boardId: string): void {
    this.sql.push({ sql: 'delete from board_tables where board_id = $1', parameters: [boardId] });
  }

  linkTable(boardId: string, tableId: string): void {
    this.sql.push({ sql: 'insert into board_tables (board_id, table_id) values ($1, $2)', parameters: [boardId, tableId] });
  }

  async flush(): Promise<void> {
    for (const query of this.sql) {
      await this.executor.executeQuery(query);
    }
  }

  async recordAll(): Promise<void> {
    for (const query of this.sql) {
      await audit.record(query);
    //^^^^^ await-in-loop
    }
  }
}

export async function applySchemaChanges(statements: string[]): Promise<void> {
  for (const statement of statements) {
    await pool.query(statement);
  }
}

export async function reindexUsers(ids: string[]): Promise<void> {
  for (const id of ids) {
    const sql = `update users set indexed_at = now() where id = '${id}'`;
    await pool.query(sql);
  //^^^^^ await-in-loop
  }
}

export async function searchAll(queries: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const query of queries) {
    const found = await searchIndex.query(query);
  //              ^^^^^ await-in-loop
    hits.push(...found.hits);
  }
  return hits;
}

import { sql, type DatabasePool, type DatabaseTransactionConnection } from 'slonik';

export const findNoteById = async (pool: DatabasePool, id: string) => pool.maybeOne(sql`select * from notes where id = ${id}`);

export const archiveNotes = async (connection: DatabaseTransactionConnection, ids: string[]) => {
  for (const id of ids) {
    await connection.query(sql`update notes set archived = true where id = ${id}`);
//        ^^^^^^^^^^^^^^^^ n-plus-one
  }
};

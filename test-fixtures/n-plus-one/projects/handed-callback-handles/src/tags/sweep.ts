import { untag, untagStatement } from './untag';

export async function untagAll(noteIds: string[], name: string) {
  for (const noteId of noteIds) {
    await untag(noteId, name);
//        ^^^^^ n-plus-one
  }
}

export async function statements(noteIds: string[]) {
  const sql: string[] = [];
  for (const noteId of noteIds) sql.push(await untagStatement(noteId));
  return sql;
}

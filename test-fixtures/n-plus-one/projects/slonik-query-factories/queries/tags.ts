import { sql, type CommonQueryMethods } from '@silverhand/slonik';

export const createTagQueries = (pool: CommonQueryMethods) => {
  const findTagsByNoteId = async (noteId: string) => pool.any(sql`select * from tags where note_id = ${noteId}`);

  const findTagById = async (id: string) => pool.one(sql`select * from tags where id = ${id}`);

  const findTagsOfNotes = async (noteIds: string[]) => Promise.all(noteIds.map(async (noteId) => findTagsByNoteId(noteId)));
//                                                                                               ^^^^^^^^^^^^^^^^ n-plus-one

  const deleteTagsByIds = async (ids: string[]) => {
    for (const id of ids) {
      await pool.query(sql`delete from tags where id = ${id}`);
//          ^^^^^^^^^^ n-plus-one
    }
  };

  // One statement over all the ids.
  const findTagsByIds = async (ids: readonly string[]) => pool.any(sql`select * from tags where id = any(${sql.array(ids, 'text')})`);

  const formatTagNames = (names: string[]) => names.map((name) => name.trim().toLowerCase());

  return { findTagsByNoteId, findTagById, findTagsOfNotes, deleteTagsByIds, findTagsByIds, formatTagNames };
};

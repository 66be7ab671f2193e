import { createPool, sql } from 'slonik';

import { findNoteById } from '../queries/notes';

export const notesOfTags = async (url: string, tags: Array<{ id: string; noteId: string }>) => {
  const pool = await createPool(url);
  const counts = [];
  for (const tag of tags) {
    counts.push(await pool.oneFirst(sql`select count(*) from notes where tag_id = ${tag.id}`));
//                    ^^^^^^^^^^^^^ n-plus-one
  }
  return Promise.all(tags.map(async (tag) => findNoteById(pool, tag.noteId)));
//                                           ^^^^^^^^^^^^ n-plus-one
};

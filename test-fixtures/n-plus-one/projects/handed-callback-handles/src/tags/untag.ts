// valid
import { inTagsTransaction } from './store';

export async function untag(noteId: string, name: string): Promise<void> {
  await inTagsTransaction(async (trx) => {
    await trx.deleteFrom('tags').where('noteId', '=', noteId).where('name', '=', name).execute();
  });
}

/** Only builds the statement: nothing runs until a caller executes it. */
export async function untagStatement(noteId: string): Promise<string> {
  return inTagsTransaction(async (trx) => trx.deleteFrom('tags').where('noteId', '=', noteId).compile().sql);
}

// valid
import { database } from '../database';

/** Folds a run of revisions into the last one, in one transaction. */
export const foldRevisions = async (keptId: string, body: string, droppedIds: string[]) => {
  await database.transaction().execute(async (trx) => {
    await trx.updateTable('revisions').set({ body, merged: true }).where('id', '=', keptId).execute();
    await trx.deleteFrom('revisions').where('id', 'in', droppedIds).execute();
  });
};

import type { Kysely } from 'kysely';
import type { Queue } from 'bullmq';
import type { Schema } from './schema';

export class FolderCleanup {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly filesQueue: Queue,
  ) {}

  async purge(expired: Array<{ id: string }>) {
    for (const folder of expired) {
      await this.purgeFolder(folder.id);
//          ^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  private async purgeFolder(folderId: string) {
    const tree = await this.db
      .withRecursive('tree', (db) =>
        db
          .selectFrom('folders')
          .select(['id'])
          .where('id', '=', folderId)
          .unionAll((more) => more.selectFrom('folders as child').select(['child.id']).innerJoin('tree', 'tree.id', 'child.parentId')),
      )
      .selectFrom('tree')
      .selectAll()
      .execute();
    const ids = tree.map((row) => row.id);
    for (const id of ids) await this.filesQueue.add('delete-files', { folderId: id });
//                              ^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (ids.length > 0) await this.db.deleteFrom('folders').where('id', 'in', ids).execute();
  }

  /** Builds the query of each folder's tree, for the caller to combine: nothing runs here. */
  treeQueries(folderIds: string[]) {
    return folderIds.map((folderId) =>
      this.db.withRecursive('tree', (db) => db.selectFrom('folders').select(['id']).where('id', '=', folderId)).selectFrom('tree').selectAll(),
    );
  }
}

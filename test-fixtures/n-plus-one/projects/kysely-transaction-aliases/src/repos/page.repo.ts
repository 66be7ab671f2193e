// valid
import type { KyselyDB, KyselyTransaction } from '../database/types';
import { dbOrTx, tableLabel } from '../database/utils';

export class PageRepo {
  constructor(private readonly db: KyselyDB) {}

  async findById(pageId: string, opts?: { withTitle?: boolean; trx?: KyselyTransaction }) {
    const db = dbOrTx(this.db, opts?.trx);
    let query = db.selectFrom('pages').select(['id', 'spaceId']);
    if (opts?.withTitle) query = query.select('title');
    query = query.where('id', '=', pageId);
    return query.executeTakeFirst();
  }

  async rename(pageId: string, title: string, trx?: KyselyTransaction) {
    const executor = trx ?? this.db;
    await executor.updateTable('pages').set({ title }).where('id', '=', pageId).execute();
  }

  async findByIds(pageIds: string[], trx?: KyselyTransaction) {
    const db = trx ? trx : this.db;
    return db.selectFrom('pages').selectAll().where('id', 'in', pageIds).execute();
  }

  /** A label of the table, made from the handle's name: no query. */
  describe(trx?: KyselyTransaction) {
    const label = tableLabel(trx ? 'pages_in_transaction' : 'pages');
    return label.toUpperCase();
  }
}

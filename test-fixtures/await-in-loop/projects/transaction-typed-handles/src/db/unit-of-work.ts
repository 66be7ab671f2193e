// valid
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Tx } from './types';

/** The transaction of the request under way, kept for the repositories that run in it. */
export class UnitOfWork {
  private readonly store = new AsyncLocalStorage<Tx>();

  constructor(private readonly db: Db) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => this.store.run(trx, work));
  }

  current(): Tx {
    const trx = this.store.getStore();
    if (!trx) throw new Error('No unit of work under way');
    return trx;
  }
}

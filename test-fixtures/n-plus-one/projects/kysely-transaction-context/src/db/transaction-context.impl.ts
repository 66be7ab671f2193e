// valid
import { AsyncLocalStorage } from 'node:async_hooks';
import { inject, injectable } from 'tsyringe';
import type { ITransactionContext } from './transaction-context';
import type { Db, Tx } from './types';

@injectable()
export class TransactionContext implements ITransactionContext {
  private readonly store = new AsyncLocalStorage<{ trx: Tx }>();

  constructor(@inject('Db') private readonly db: Db) {}

  withTransaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.store.getStore()) return work();
    return this.db.transaction().execute((trx) => this.store.run({ trx }, work));
  }

  currentTransaction() {
    return (this.store.getStore()?.trx ?? this.db) as Tx;
  }
}

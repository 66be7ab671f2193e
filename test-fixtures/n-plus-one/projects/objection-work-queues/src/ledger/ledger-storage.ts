import * as async from 'async';
import type { Knex } from 'knex';
import { Account, LedgerEntry } from '../models';

interface Entry {
  accountId: number;
  debit: number;
  credit: number;
}

interface SaveEntryTask {
  entry: Entry;
  trx?: Knex.Transaction;
}

export class LedgerStorage {
  /** Saves each entry through a queue of ten workers. */
  async saveEntries(entries: Entry[], trx?: Knex.Transaction): Promise<void> {
    const saveQueue = async.queue(this.saveEntryTask.bind(this), 10);
    entries.forEach((entry) => {
      saveQueue.push({ entry, trx });
//    ^^^^^^^^^^^^^^ n-plus-one
    });
    if (entries.length > 0) await saveQueue.drain();
  }

  /** Refreshes the balance of every account the entries touch. */
  async saveBalances(accountIds: number[], trx?: Knex.Transaction): Promise<void> {
    const balanceQueue = async.queue(async ({ accountId }: { accountId: number }) => {
      const account = await Account.query(trx).findById(accountId);
      if (account) await Account.query(trx).findById(accountId).patch({ balance: account.balance });
    }, 5);
    for (const accountId of accountIds) balanceQueue.push({ accountId });
//                                      ^^^^^^^^^^^^^^^^^ n-plus-one
    await balanceQueue.drain();
  }

  /** A queue whose worker only talks to another service runs no query. */
  async notifyAccounts(accountIds: number[]): Promise<void> {
    const notifyQueue = async.queue(async (accountId: number) => {
      await fetch(`https://hooks.example.com/accounts/${accountId}`, { method: 'POST' });
    }, 4);
    accountIds.forEach((accountId) => notifyQueue.push(accountId));
    await notifyQueue.drain();
  }

  /** A plain array's push runs nothing. */
  collectIds(entries: Entry[]): number[] {
    const ids: number[] = [];
    entries.forEach((entry) => ids.push(entry.accountId));
    return ids;
  }

  private async saveEntryTask(task: SaveEntryTask): Promise<void> {
    await LedgerEntry.query(task.trx).insert({ ...task.entry });
  }
}

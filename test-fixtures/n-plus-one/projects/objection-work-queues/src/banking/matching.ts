import { PromisePool } from '@supercharge/promise-pool';
import type { Knex } from 'knex';
import { Account, MatchedTransaction } from '../models';

interface BankTransaction {
  id: number;
  accountId: number;
}

/** Records which bank transactions a document matched. */
export async function matchTransactions(transactionIds: number[], referenceId: number, trx?: Knex.Transaction): Promise<void> {
  await PromisePool.withConcurrency(2)
    .for(transactionIds)
    .process(async (transactionId) => {
      await MatchedTransaction.query(trx).insert({ transactionId, referenceId });
//          ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    });
}

/** Lowers each account's count of transactions left to categorize. */
export async function decrementUncategorized(transactions: BankTransaction[], trx?: Knex.Transaction): Promise<void> {
  await PromisePool.for(transactions)
    .withConcurrency(1)
    .process(async (transaction) => {
      await Account.query(trx).findById(transaction.accountId).decrement('uncategorizedCount', 1);
//          ^^^^^^^^^^^^^ n-plus-one
    });
}

/** A pool of calls to another service: bounded, and no query. */
export async function pushToBank(transactions: BankTransaction[]): Promise<void> {
  await PromisePool.withConcurrency(4)
    .for(transactions)
    .process(async (transaction) => {
      await fetch(`https://bank.example.com/transactions/${transaction.id}/ack`, { method: 'POST' });
    });
}

/** `process` of something else than a promise pool. */
class Batch<T> {
  constructor(private readonly items: T[]) {}
  for(items: T[]): Batch<T> {
    return new Batch(items);
  }
  async process(work: (item: T) => Promise<void>): Promise<void> {
    await work(this.items[0]!);
  }
}

export async function firstOnly(transactions: BankTransaction[], trx?: Knex.Transaction): Promise<void> {
  await new Batch<BankTransaction>([]).for(transactions).process(async (transaction) => {
    await MatchedTransaction.query(trx).where('transactionId', transaction.id).delete();
  });
}

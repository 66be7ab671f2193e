import Bluebird from 'bluebird';
import * as bluebird from 'bluebird';
import type { Knex } from 'knex';
import { Invoice, LedgerEntry } from '../models';

interface AppliedCredit {
  invoiceId: number;
  amount: number;
}

/** Adds each applied credit to its invoice. */
export async function applyCredits(applied: AppliedCredit[], trx?: Knex.Transaction): Promise<void> {
  await Bluebird.each(applied, (credit) => {
    return Invoice.query(trx).where('id', credit.invoiceId).increment('creditedAmount', credit.amount);
//         ^^^^^^^^^^^^^ n-plus-one
  });
}

/** Writes the entries one at a time. */
export async function writeEntries(entries: Array<{ accountId: number; debit: number }>, trx?: Knex.Transaction): Promise<void> {
  await bluebird.map(entries, (entry) => LedgerEntry.query(trx).insert(entry), { concurrency: 1 });
//                                       ^^^^^^^^^^^^^^^^^ n-plus-one
}

/** Builders pushed and awaited together still run one statement each. */
export function syncPayments(payments: AppliedCredit[], trx?: Knex.Transaction): Promise<unknown> {
  const opers: Array<PromiseLike<unknown>> = [];
  payments.forEach((payment) => {
    const oper = Invoice.changePaidAmount(payment.invoiceId, payment.amount, trx);
//               ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    opers.push(oper);
  });
  return Promise.all(opers);
}

/** Builders collected as subqueries of one query run once, in it. */
export function creditedInvoices(groups: number[][], trx?: Knex.Transaction) {
  const subqueries = groups.map((ids) => Invoice.query(trx).select('id').whereIn('id', ids));
  return Invoice.query(trx).whereIn('id', Invoice.query(trx).select('id').union(subqueries));
}

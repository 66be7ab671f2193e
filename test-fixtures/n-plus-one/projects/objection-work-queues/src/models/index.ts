// valid
import { Model, type TransactionOrKnex } from 'objection';

export class Account extends Model {
  static tableName = 'accounts';
  id!: number;
  balance!: number;
  uncategorizedCount!: number;
}

export class LedgerEntry extends Model {
  static tableName = 'ledger_entries';
  id!: number;
  accountId!: number;
  debit!: number;
  credit!: number;
}

export class Invoice extends Model {
  static tableName = 'invoices';
  id!: number;
  paidAmount!: number;
  creditedAmount!: number;

  /** Adds a payment to the invoice's paid amount. */
  static changePaidAmount(invoiceId: number, amount: number, trx?: TransactionOrKnex) {
    return this.query(trx).where('id', invoiceId).increment('paidAmount', amount);
  }
}

export class MatchedTransaction extends Model {
  static tableName = 'matched_transactions';
}

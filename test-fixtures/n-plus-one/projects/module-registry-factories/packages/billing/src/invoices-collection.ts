// valid
import { mongodb } from '@ledger/store';

export type Invoice = { _id: string; customerId: string; total: number; status: string };
export type InvoiceLine = { _id: string; invoiceId: string; amount: number };

export const InvoicesCollection = async (db: mongodb.Db) => {
  const Invoices = db.collection<Invoice>('invoices');
  const InvoiceLines = db.collection<InvoiceLine>('invoice_lines');
  await Invoices.createIndex({ customerId: 1 });
  return { Invoices, InvoiceLines };
};

export const CustomersCollection = async (db: mongodb.Db) => db.collection<{ _id: string; name: string }>('customers');

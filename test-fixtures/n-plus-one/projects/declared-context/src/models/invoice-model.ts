// valid
import { MongoClient, type Filter } from 'mongodb';
import type { ReqContext } from '../../types/request';

const database = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017').db('billing');

export interface Invoice {
  id: string;
  orgId: string;
  cents: number;
}

export class InvoiceModel {
  constructor(private readonly context: ReqContext) {}

  getById(id: string) {
    return database.collection<Invoice>('invoices').findOne({ id, orgId: this.context.orgId } as Filter<Invoice>);
  }

  label(invoice: Invoice) {
    return `${invoice.id}: ${this.context.money.format(invoice.cents)}`;
  }
}

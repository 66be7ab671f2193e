// valid
import { InvoiceModel } from './models/invoice-model';
import { MoneyFormat } from './money';

export class ServiceContext {
  readonly models = {
    invoices: new InvoiceModel(this),
  };

  readonly money = new MoneyFormat('EUR');

  constructor(readonly orgId: string) {}
}

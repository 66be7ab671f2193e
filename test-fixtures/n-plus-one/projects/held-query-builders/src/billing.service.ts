import { Injectable } from '@nestjs/common';
import { InvoicesService } from './invoices.service';

@Injectable()
export class BillingService {
  constructor(private readonly invoices: InvoicesService) {}

  async statements(accounts: Array<{ id: number }>) {
    const out = [];
    for (const account of accounts) {
      out.push({ account, invoices: await this.invoices.invoicesOf(account.id, 'open') });
//                                        ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return out;
  }

  async totals(accounts: Array<{ id: number }>) {
    const out = [];
    for (const account of accounts) out.push({ account, total: await this.invoices.openTotal() });
//                                                             ^^^^^ await-in-loop
    return out;
  }

  async allInvoices(accounts: Array<{ id: number }>) {
    const query = this.invoices.invoicesQuery(accounts.map((account) => account.id));
    return query.getMany();
  }
}

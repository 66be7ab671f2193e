import { Inject, Injectable } from '@nestjs/common';
import { INVOICE_REPOSITORY, type ICustomerRepository, type IInvoiceRepository, type IPaymentGateway } from '../domain/interfaces';

@Injectable()
export class BillingService {
  constructor(
    @Inject(INVOICE_REPOSITORY) private readonly invoices: IInvoiceRepository,
    private readonly customers: ICustomerRepository,
    private readonly payments: IPaymentGateway,
  ) {}

  async totals(ids: string[]) {
    let total = 0;
    for (const id of ids) {
      const invoice = await this.invoices.findById(id);
//                          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      total += invoice?.total ?? 0;
    }
    return total;
  }

  async settle(ids: string[]) {
    await Promise.all(ids.map((id) => this.invoices.markPaid(id)));
//                                    ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async names(customerIds: string[]) {
    return Promise.all(customerIds.map((id) => this.customers.nameOf(id)));
//                                             ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async charge(ids: string[]) {
    for (const id of ids) {
      await this.payments.charge(id);
//    ^^^^^ await-in-loop
    }
  }
}

import { Injectable } from '@nestjs/common';
import type { ICustomerRepository } from '../domain/interfaces/customer-repository.interface';
import type { IPaymentGateway } from '../domain/interfaces/payment-gateway.interface';

@Injectable()
export class ReminderJob {
  constructor(
    private readonly customers: ICustomerRepository,
    private readonly payments: IPaymentGateway,
  ) {}

  async greetings(customerIds: string[]) {
    const lines: string[] = [];
    for (const id of customerIds) {
      lines.push(`Dear ${await this.customers.nameOf(id)}`);
//                             ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return lines;
  }

  async retry(invoiceIds: string[]) {
    for (const id of invoiceIds) {
      await this.payments.charge(id);
//    ^^^^^ await-in-loop
    }
  }
}

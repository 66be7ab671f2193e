// valid
import { Injectable } from '@nestjs/common';
import { InvoiceRepository } from './invoice.repository';

@Injectable()
export class InvoiceService {
  constructor(private readonly invoiceRepository: InvoiceRepository) {}

  async totals(order: { invoiceId: string }) {
    const invoice = await this.invoiceRepository.findById(order.invoiceId);
    return invoice?.total ?? 0;
  }

  describe(order: { invoiceId: string }) {
    return `invoice ${order.invoiceId}`;
  }
}

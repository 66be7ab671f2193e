// valid
import { Inject, Injectable } from '@nestjs/common';
import { Invoice } from './invoice';
import { ModelProvider } from '../models/tenant-model';

@Injectable()
export class VoidInvoiceService {
  constructor(@Inject(Invoice.name) private readonly invoiceModel: ModelProvider<typeof Invoice>) {}

  async voidInvoice(invoiceId: number) {
    const invoice = await this.invoiceModel().query().findById(invoiceId).throwIfNotFound();
    await this.invoiceModel().query().findById(invoiceId).patch({ status: 'void' });
    return invoice;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Knex } from 'knex';
import { Invoice } from './invoice';
import { InvoiceLine } from './invoice-line';
import { VoidInvoiceService } from './void-invoice.service';
import { ModelProvider } from '../models/tenant-model';

@Injectable()
export class InvoicesService {
  constructor(
    private readonly voidInvoiceService: VoidInvoiceService,
    @Inject(Invoice.name) private readonly invoiceModel: ModelProvider<typeof Invoice>,
    @Inject(InvoiceLine.name) private readonly lineModel: () => typeof InvoiceLine,
    @Inject('TENANT_KNEX') private readonly tenantKnex: () => Knex,
  ) {}

  async voidAll(invoiceIds: number[]) {
    for (const invoiceId of invoiceIds) {
      await this.voidInvoiceService.voidInvoice(invoiceId);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async markSent(invoiceIds: number[]) {
    for (const invoiceId of invoiceIds) {
      await this.invoiceModel().query().findById(invoiceId).patch({ sentAt: new Date() });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async linesOf(invoiceIds: number[]) {
    return Promise.all(invoiceIds.map((invoiceId) => this.lineModel().query().where('invoice_id', invoiceId)));
//                                                   ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async archive(invoiceIds: number[]) {
    for (const invoiceId of invoiceIds) {
      await this.tenantKnex()('invoices').where({ id: invoiceId }).update({ archived: true });
//          ^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async voidableInvoices(invoiceIds: number[]) {
    const voidable: number[] = [];
    const locked: number[] = [];
    const trx = await this.tenantKnex().transaction();
    for (const invoiceId of invoiceIds) {
      try {
        await this.voidInvoiceService.voidInvoice(invoiceId);
        voidable.push(invoiceId);
      } catch (error) {
        if (error instanceof Error && error.message === 'locked') {
          locked.push(invoiceId);
        } else {
          voidable.length = 0;
          locked.push(invoiceId);
        }
      }
    }
    await trx.rollback();
    return { voidable, locked };
  }

  async voidOrFail(invoiceIds: number[]) {
    const skipped: number[] = [];
    for (const invoiceId of invoiceIds) {
      try {
        await this.voidInvoiceService.voidInvoice(invoiceId);
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        skipped.push(invoiceId);
      }
    }
    return skipped;
  }

  async voidQuietly(invoiceIds: number[]) {
    for (const invoiceId of invoiceIds) {
      try {
        await this.voidInvoiceService.voidInvoice(invoiceId);
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      } catch (error) {
        console.warn('could not void', invoiceId, error);
      }
    }
  }

  async openInvoices() {
    return this.invoiceModel().query().whereIn('status', ['open', 'overdue']);
  }
}

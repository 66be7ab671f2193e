import type { ModuleInput } from '@ledger/store';
import { InvoicesCollection, CustomersCollection } from './invoices-collection.ts';
import { configureInvoiceLinesModule } from './invoice-lines-module.ts';

export const configureInvoicesModule = async ({ db }: ModuleInput) => {
  const { Invoices, InvoiceLines } = await InvoicesCollection(db);
  const Customers = await CustomersCollection(db);
  const exchangeRates = new Map<string, number>();

  const lines = configureInvoiceLinesModule({ InvoiceLines });

  return {
    lines,
    findInvoice: async ({ invoiceId }: { invoiceId: string }) => Invoices.findOne({ _id: invoiceId }),
    findInvoices: async ({ invoiceIds }: { invoiceIds: string[] }) => Invoices.find({ _id: { $in: invoiceIds } }).toArray(),
    async markPaid(invoiceId: string) {
      await Invoices.updateOne({ _id: invoiceId }, { $set: { status: 'PAID' } });
    },
    customerName: async (customerId: string) => (await Customers.findOne({ _id: customerId }))?.name,
    moveLines: async (fromInvoiceId: string, lineIds: string[]) => {
      for (const lineId of lineIds) {
        await InvoiceLines.updateOne({ _id: lineId }, { $set: { invoiceId: fromInvoiceId } });
//            ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }
    },
    renameCustomers: async (names: Array<{ customerId: string; name: string }>) =>
      Promise.all(names.map(({ customerId, name }) => Customers.updateOne({ _id: customerId }, { $set: { name } }))),
//                                                    ^^^^^^^^^^^^^^^^^^^ n-plus-one
    // Answered from memory: no round trip.
    rateOf: (currency: string) => exchangeRates.get(currency) ?? 1,
  };
};

export type InvoicesModule = Awaited<ReturnType<typeof configureInvoicesModule>>;

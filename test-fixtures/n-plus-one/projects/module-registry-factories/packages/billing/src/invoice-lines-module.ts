// valid
import { mongodb } from '@ledger/store';
import type { InvoiceLine } from './invoices-collection.ts';

export const configureInvoiceLinesModule = ({ InvoiceLines }: { InvoiceLines: mongodb.Collection<InvoiceLine> }) => ({
  linesOf: async (invoiceId: string) => InvoiceLines.find({ invoiceId }).toArray(),
});

import type { Context } from './context.ts';
import type { LedgerCore, Modules } from '@ledger/platform';

export const invoicesOfStatement = async (_root: never, { invoiceIds }: { invoiceIds: string[] }, context: Context) =>
  Promise.all(invoiceIds.map(async (invoiceId) => context.modules.invoices.findInvoice({ invoiceId })));
//                                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one

export async function payInvoices(_root: never, { invoiceIds }: { invoiceIds: string[] }, { modules }: Context) {
  for (const invoiceId of invoiceIds) {
    await modules.invoices.markPaid(invoiceId);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export const customerNames = async (modules: Modules, customerIds: string[]) => {
  const names: Array<string | undefined> = [];
  for (const customerId of customerIds) names.push(await modules.invoices.customerName(customerId));
//                                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  return names;
};

export const lineCounts = async (core: LedgerCore, invoiceIds: string[]) =>
  Promise.all(invoiceIds.map(async (invoiceId) => (await core.modules.invoices.lines.linesOf(invoiceId)).length));
//                                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one

export const convertedTotals = (modules: Modules, totals: Array<{ amount: number; currency: string }>) =>
  totals.map(({ amount, currency }) => amount * modules.invoices.rateOf(currency));

export const invoicesOf = async ({ modules }: Context, invoiceIds: string[]) => modules.invoices.findInvoices({ invoiceIds });

// A search that stops at the first invoice found: not one query per item.
export const firstOpenInvoice = async ({ modules }: Context, invoiceIds: string[]) => {
  for (const invoiceId of invoiceIds) {
    const invoice = await modules.invoices.findInvoice({ invoiceId });
    if (invoice?.status === 'OPEN') return invoice;
  }
  return null;
};

import type { Modules } from './modules.ts';

// A service bound to the registry: `this` is the modules.
export async function settleInvoices(this: Modules, invoiceIds: string[]) {
  for (const invoiceId of invoiceIds) {
    await this.invoices.markPaid(invoiceId);
//        ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export function convertTotals(this: Modules, totals: Array<{ amount: number; currency: string }>) {
  return totals.map(({ amount, currency }) => amount * this.invoices.rateOf(currency));
}

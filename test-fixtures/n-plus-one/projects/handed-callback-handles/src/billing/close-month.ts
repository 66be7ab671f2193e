import { markPaid } from './invoices';

export async function markAllPaid(tenantId: string, invoiceIds: string[]) {
  for (const invoiceId of invoiceIds) {
    await markPaid(tenantId, invoiceId);
//        ^^^^^^^^ n-plus-one
  }
}

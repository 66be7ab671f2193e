import { dbForWorkspace, sharedDb, type DbClientOrTx } from '@/db/client';
import type { Tx } from '@/db/types';

export async function markSent(invoiceIds: string[]) {
  for (const id of invoiceIds) {
    await sharedDb.invoice.update({ where: { id }, data: { sentAt: new Date() } });
//        ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function customersOf(workspace: { id: string; storage: { kind: 'shared' } }, customerIds: string[]) {
  const db = await dbForWorkspace(workspace);
  const customers = [];
  for (const id of customerIds) {
    customers.push(await db.customer.findUnique({ where: { id } }));
//                       ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return customers;
}

export async function copyLines(tx: Tx, lines: Array<{ invoiceId: string; amount: number }>) {
  for (const line of lines) {
    await tx.invoiceLine.create({ data: line });
//        ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

async function openInvoices(db: DbClientOrTx, accountId: string) {
  return await db.invoice.findMany({ where: { accountId, paidAt: null } });
}

export async function openInvoicesByAccount(accountIds: string[]) {
  const byAccount = new Map<string, unknown[]>();
  for (const accountId of accountIds) {
    byAccount.set(accountId, await openInvoices(sharedDb, accountId));
//                                 ^^^^^^^^^^^^ n-plus-one
  }
  return byAccount;
}

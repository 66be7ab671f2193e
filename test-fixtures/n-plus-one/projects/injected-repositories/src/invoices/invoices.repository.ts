// valid
import { injectArguments } from '@corentinth/chisels';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/database';
import { invoicesTable } from '../db/schema';

export type InvoicesRepository = ReturnType<typeof createInvoicesRepository>;

export function createInvoicesRepository({ db }: { db: Database }) {
  return injectArguments({ getInvoiceById, getInvoicesByIds, markInvoicePaid, formatInvoiceNumber }, { db });
}

async function getInvoiceById({ invoiceId, db }: { invoiceId: string; db: Database }) {
  const [invoice] = await db.select().from(invoicesTable).where(eq(invoicesTable.id, invoiceId));
  return { invoice };
}

async function getInvoicesByIds({ invoiceIds, db }: { invoiceIds: string[]; db: Database }) {
  const invoices = await db.select().from(invoicesTable).where(inArray(invoicesTable.id, invoiceIds));
  return { invoices };
}

async function markInvoicePaid({ invoiceId, paidAt, db }: { invoiceId: string; paidAt: Date; db: Database }) {
  await db.update(invoicesTable).set({ paidAt }).where(eq(invoicesTable.id, invoiceId));
}

// Runs no query: the handle is only handed along with the arguments.
function formatInvoiceNumber({ invoiceId }: { invoiceId: string; db: Database }) {
  return `INV-${invoiceId.toUpperCase()}`;
}

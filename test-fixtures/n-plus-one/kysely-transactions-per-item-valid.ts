// valid
// One transaction around every item, its statements over them all; a transaction opened once per page of a capped read.
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

interface Tables {
  invoices: { id: string; status: string; customer_id: string };
  invoice_events: { invoice_id: string; kind: string };
}

const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new Pool() }) });

export async function markPaid(invoiceIds: string[]) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('invoices').set({ status: 'paid' }).where('id', 'in', invoiceIds).execute();
    await trx
      .insertInto('invoice_events')
      .values(invoiceIds.map((invoiceId) => ({ invoice_id: invoiceId, kind: 'paid' })))
      .execute();
  });
}

export async function closeCustomer(customerId: string) {
  for (;;) {
    const open = await db.selectFrom('invoices').select('id').where('customer_id', '=', customerId).where('status', '=', 'open').limit(500).execute();
    if (open.length === 0) break;
    const ids = open.map((invoice) => invoice.id);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('invoices').set({ status: 'closed' }).where('id', 'in', ids).execute();
      await trx.insertInto('invoice_events').values(ids.map((id) => ({ invoice_id: id, kind: 'closed' }))).execute();
    });
  }
}

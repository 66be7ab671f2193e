// Kysely opens a transaction with db.transaction().execute(callback): the callback runs its statements once per call, so a
// transaction opened for each item runs them once per item. One transaction around all the items, with statements over them all, is one.
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

interface Tables {
  invoices: { id: string; status: string; paid_at: Date | null };
  invoice_events: { invoice_id: string; kind: string };
}

const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new Pool() }) });

export async function markPaid(invoiceIds: string[]) {
  for (const invoiceId of invoiceIds) {
    await db.transaction().execute(async (trx) => {
//        ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      await trx.updateTable('invoices').set({ status: 'paid', paid_at: new Date() }).where('id', '=', invoiceId).execute();
      await trx.insertInto('invoice_events').values({ invoice_id: invoiceId, kind: 'paid' }).execute();
    });
  }
}

export async function voidAll(invoiceIds: string[]) {
  await Promise.all(
    invoiceIds.map((invoiceId) =>
      db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
        await trx.updateTable('invoices').set({ status: 'void' }).where('id', '=', invoiceId).execute();
      }),
    ),
  );
}

async function reopen(invoiceId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('invoices').set({ status: 'open', paid_at: null }).where('id', '=', invoiceId).execute();
    await trx.insertInto('invoice_events').values({ invoice_id: invoiceId, kind: 'reopened' }).execute();
  });
}

export async function reopenAll(invoiceIds: string[]) {
  for (const invoiceId of invoiceIds) {
    await reopen(invoiceId);
//        ^^^^^^ n-plus-one
  }
}

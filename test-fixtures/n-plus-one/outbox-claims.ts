// An outbox or job worker handles each item in a transaction of its own: it re-reads the item's row under a lock
// (`FOR UPDATE SKIP LOCKED`) or only while it is still pending, leaves when another worker took it, does the item's work
// and marks the row done. One read over all the ids would hold every lock until the slowest item is done, so the loop
// over the items is not reported. A transaction per item that only reads and writes the item's rows still is.
import knex from 'knex';
import { PrismaClient } from '@prisma/client';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const prisma = new PrismaClient();

declare function sendEmail(to: string, body: string): Promise<void>;

export class WebhookDispatcher {
  async dispatchPending() {
    const pending = await db('webhook_deliveries').select('id').whereNull('delivered_at').limit(100);
    for (const row of pending) await this.deliver(row.id);
  }

  async deliver(id: number) {
    await db.transaction(async (trx) => {
      const delivery = await trx('webhook_deliveries').where('id', id).where('status', 'pending').forUpdate().skipLocked().first();
      if (!delivery) return;
      await trx('webhook_deliveries').where('id', id).update({ status: 'delivered', delivered_at: new Date() });
    });
  }
}

export async function sendDueReminders() {
  const due = await prisma.reminder.findMany({ where: { status: 'pending' }, select: { id: true }, take: 50 });
  for (const { id } of due) {
    await prisma.$transaction(async (tx) => {
      // Cancelled or sent by another run since the list was read.
      const reminder = await tx.reminder.findFirst({ where: { id, status: 'pending' } });
      if (!reminder) {
        return;
      }
      await sendEmail(reminder.email, reminder.body);
      await tx.reminder.update({ where: { id }, data: { status: 'sent' } });
    });
  }
}

export async function settleInvoices(ids: number[]) {
  for (const id of ids) {
    await db.transaction(async (trx) => {
//        ^^^^^^^^^^^^^^ n-plus-one
      const invoice = await trx('invoices').where('id', id).forUpdate().first();
      await trx('invoices').where('id', id).update({ paid_at: new Date(), total: invoice.total });
    });
  }
}

export async function archiveReminders(ids: string[]) {
  for (const id of ids) {
    await prisma.$transaction(async (tx) => {
//        ^^^^^^^^^^^^^^^^^^^ n-plus-one
      const reminder = await tx.reminder.findFirst({ where: { id } });
      if (!reminder) return;
      await tx.reminderArchive.create({ data: { reminderId: id, body: reminder.body } });
    });
  }
}

// Writes per group of a group-by that already take the group's rows (`where('id', 'in', ids)`) are one statement per group, not per row.
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

interface Database {
  ticket: { id: number; queueId: number; status: string; routedAt: string };
}

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool() }) });

export async function routeTickets(byQueue: Map<number, Array<{ id: number; reopen: boolean }>>, now: string) {
  for (const [queueId, tickets] of byQueue) {
    const reopened = tickets.filter((ticket) => ticket.reopen).map((ticket) => ticket.id);
    if (reopened.length > 0) {
      await db.updateTable('ticket').set({ queueId, status: 'open', routedAt: now }).where('id', 'in', reopened).execute();
    }
  }
}

export async function routeEach(tickets: Array<{ id: number; queueId: number }>, now: string) {
  for (const ticket of tickets) {
    await db.updateTable('ticket').set({ queueId: ticket.queueId, routedAt: now }).where('id', '=', ticket.id).execute();
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}

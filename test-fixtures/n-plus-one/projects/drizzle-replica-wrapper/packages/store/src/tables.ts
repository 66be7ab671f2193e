// valid
import { integer, pgTable, text } from 'drizzle-orm/pg-core';

export const payments = pgTable('payments', {
  id: text('id').primaryKey(),
  planId: text('plan_id').notNull(),
  cycle: integer('cycle').notNull(),
  state: text('state').notNull(),
});

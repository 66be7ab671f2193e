// valid
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const invoicesTable = sqliteTable('invoices', {
  id: text('id').primaryKey(),
  customerId: text('customer_id').notNull(),
  total: integer('total').notNull(),
  paidAt: integer('paid_at', { mode: 'timestamp' }),
});

export const customersTable = sqliteTable('customers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

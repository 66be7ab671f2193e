// valid
import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const volumeBackups = pgTable('volume_backups', {
  id: uuid('id').primaryKey(),
  serverId: uuid('server_id').notNull(),
  destinationId: uuid('destination_id').notNull(),
  cronExpression: text('cron_expression').notNull(),
  enabled: boolean('enabled').notNull(),
});
export const destinations = pgTable('destinations', { id: uuid('id').primaryKey(), bucket: text('bucket').notNull() });

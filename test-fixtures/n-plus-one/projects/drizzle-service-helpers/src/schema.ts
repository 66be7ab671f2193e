// valid
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const monitor = sqliteTable('monitor', {
  id: integer('id').primaryKey(),
  workspaceId: integer('workspace_id').notNull(),
  active: integer('active', { mode: 'boolean' }).default(true),
  deletedAt: integer('deleted_at', { mode: 'timestamp' }),
});

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey(),
  workspaceId: integer('workspace_id').notNull(),
  action: text('action').notNull(),
  entityId: text('entity_id').notNull(),
  before: text('before', { mode: 'json' }),
});

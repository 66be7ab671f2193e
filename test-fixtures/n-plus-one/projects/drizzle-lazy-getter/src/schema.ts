// valid: table definitions only.
import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const memberRole = pgTable('member_role', {
  workspaceId: uuid('workspace_id').notNull(),
  memberId: uuid('member_id').notNull(),
  role: text('role').notNull(),
});

export const feature = pgTable('feature', {
  workspaceId: uuid('workspace_id').notNull(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull(),
});

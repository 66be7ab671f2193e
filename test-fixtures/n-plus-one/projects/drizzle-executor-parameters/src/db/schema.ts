// valid
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  billedUserId: text('billed_user_id'),
});

export const members = pgTable('members', {
  teamId: text('team_id').notNull(),
  userId: text('user_id').notNull(),
  role: text('role').notNull(),
});

export const invites = pgTable('invites', {
  id: text('id').primaryKey(),
  teamId: text('team_id').notNull(),
  email: text('email').notNull(),
  expiresAt: timestamp('expires_at').notNull(),
});

export const grants = pgTable('grants', {
  id: text('id').primaryKey(),
  inviteId: text('invite_id').notNull(),
  resource: text('resource').notNull(),
});

export const subscriptions = pgTable('subscriptions', {
  id: text('id').primaryKey(),
  referenceId: text('reference_id').notNull(),
  plan: text('plan').notNull(),
});

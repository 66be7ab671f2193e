// valid
import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const schedules = pgTable('schedules', { id: uuid('id').primaryKey(), cron: text('cron').notNull(), task: text('task').notNull() });
export const jobRuns = pgTable('job_runs', { id: uuid('id').primaryKey(), scheduleId: uuid('schedule_id').notNull(), status: text('status').notNull() });
export const webhooks = pgTable('webhooks', { id: uuid('id').primaryKey(), url: text('url').notNull(), active: boolean('active').notNull() });
export const tenants = pgTable('tenants', { id: uuid('id').primaryKey(), name: text('name').notNull() });
export const queues = pgTable('queues', { id: uuid('id').primaryKey(), tenantId: uuid('tenant_id').notNull(), name: text('name').notNull() });

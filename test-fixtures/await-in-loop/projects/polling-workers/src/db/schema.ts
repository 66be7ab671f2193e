// valid
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const uploads = pgTable('uploads', { id: uuid('id').primaryKey(), batchId: uuid('batch_id').notNull(), status: text('status').notNull() });
export const batches = pgTable('batches', { id: uuid('id').primaryKey(), pending: integer('pending').notNull() });
export const devices = pgTable('devices', { id: uuid('id').primaryKey(), status: text('status').notNull() });
export const labels = pgTable('labels', { id: uuid('id').primaryKey(), name: text('name').notNull() });

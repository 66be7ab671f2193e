// valid
import { integer, pgTable, text } from 'drizzle-orm/pg-core';

export const cards = pgTable('cards', { id: text('id').primaryKey(), column: text('column'), position: integer('position') });

// valid
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const widgets = sqliteTable('widgets', { id: text('id').primaryKey(), position: integer('position') });

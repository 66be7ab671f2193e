// valid
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const tasks = sqliteTable('tasks', { id: text('id').primaryKey(), title: text('title'), rank: integer('rank') });

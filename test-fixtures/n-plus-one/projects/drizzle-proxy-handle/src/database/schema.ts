// valid: table definitions only.
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const board = pgTable('board', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
});

export const card = pgTable('card', {
  id: uuid('id').primaryKey(),
  boardId: uuid('board_id').notNull(),
  title: text('title').notNull(),
  position: integer('position').notNull(),
});

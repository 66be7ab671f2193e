// valid
import { boolean, pgTable, text } from 'drizzle-orm/pg-core';

export const lists = pgTable('lists', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  name: text('name').notNull(),
  archived: boolean('archived').default(false),
});

export const bookmarks = pgTable('bookmarks', {
  id: text('id').primaryKey(),
  listId: text('list_id').notNull(),
  url: text('url').notNull(),
});

// valid
import { boolean, pgTable, text } from 'drizzle-orm/pg-core';

export const notes = pgTable('notes', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').notNull(),
  archived: boolean('archived').default(false),
});

export const shares = pgTable('shares', {
  noteId: text('note_id').notNull(),
  userId: text('user_id').notNull(),
});

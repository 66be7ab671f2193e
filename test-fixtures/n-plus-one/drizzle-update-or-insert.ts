import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { comments, posts } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));

type Tally = { postId: number; title: string; created: boolean };

// An update of one table and an insert into another are two writes per item, each with its own batched form.
export async function syncTitles(tallies: Tally[]) {
  for (const tally of tallies) {
    if (tally.title) {
      await db.update(posts).set({ title: tally.title }).where(eq(posts.id, tally.postId));
//          ^^^^^^^^^ n-plus-one
    }
    if (tally.created) {
      await db.insert(comments).values({ postId: tally.postId, body: 'created' });
//          ^^^^^^^^^ n-plus-one
    }
  }
}

// The same table updated, or created where the update matched nothing: one upsert per item, reported once.
export async function saveTitles(tallies: Tally[]) {
  for (const tally of tallies) {
    const updated = await db.update(posts).set({ title: tally.title }).where(and(eq(posts.id, tally.postId))).returning();
//                        ^^^^^^^^^ n-plus-one
    if (updated.length === 0) {
      await db.insert(posts).values({ id: tally.postId, title: tally.title });
    }
  }
}

import { count, eq, gt, sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import { comments, likes, posts } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));

type FeedSource = { table: typeof comments | typeof likes; userId?: number };

// Each source's select is one branch of a single UNION ALL, run once after the loop.
export async function activity(sources: FeedSource[]) {
  let union: PgSelect | null = null;
  for (const source of sources) {
    let branch: any = db.select({ id: source.table.id, createdAt: source.table.createdAt }).from(source.table);
    if (source.userId !== undefined) branch = branch.where(eq(source.table.userId, source.userId));
    if (union === null) {
      union = branch as PgSelect;
    } else {
      union = union.unionAll(branch) as PgSelect;
    }
  }
  if (!union) return [];
  return db.select().from(union.as('activity')).orderBy(sql`created_at desc`);
}

// Counts as correlated subqueries of the one posts query: interpolated into SQL, aliased, never run on their own.
export async function postsWithCounts(relations: { name: string; table: typeof comments | typeof likes }[]) {
  const extras: Record<string, SQL.Aliased<number>> = {};
  for (const relation of relations) {
    const matching = db.select({ id: relation.table.id }).from(relation.table).where(eq(relation.table.postId, posts.id)).$dynamic();
    extras[`${relation.name}Count`] = sql<number>`(${db.select({ total: count() }).from(matching.as('matching'))})`.as(`${relation.name}Count`);
  }
  return db.query.posts.findMany({ extras });
}

// The builder made per author is awaited per author: one query each.
export async function latestPerAuthor(authorIds: number[], since?: Date) {
  const latest = [];
  for (const authorId of authorIds) {
    let query = db.select().from(posts).where(eq(posts.authorId, authorId)).$dynamic();
//              ^^^^^^^^^ n-plus-one
    if (since) query = query.where(gt(posts.createdAt, since));
    latest.push(await query.limit(1));
  }
  return latest;
}

// Kept in a variable that a later step hands back to the caller: the caller runs it.
export function pagesPerAuthor(authorIds: number[]) {
  return authorIds.map((authorId) => {
    const page = db.select().from(posts).where(eq(posts.authorId, authorId)).$dynamic();
//               ^^^^^^^^^ n-plus-one
    return page.limit(20);
  });
}

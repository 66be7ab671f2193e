import type { AppContext } from '../context';
import type { Database, HandleCache } from '../db';

export async function handlesOf(db: Database, dids: string[]) {
  const handles: string[] = [];
  for (const did of dids) {
    const row = await db.db.selectFrom('actor').select('handle').where('did', '=', did).executeTakeFirst();
//                    ^^^^^^^^^^^^^^^^ n-plus-one
    if (row) handles.push(row.handle);
  }
  return handles;
}

export async function unfollowAll(ctx: AppContext, subjects: string[]) {
  await Promise.all(subjects.map((subject) => ctx.db.db.deleteFrom('follow').where('subject', '=', subject).execute()));
//                                            ^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function handlesBatched(db: Database, dids: string[]) {
  const rows = await db.db.selectFrom('actor').select(['did', 'handle']).where('did', 'in', dids).execute();
  return new Map(rows.map((row) => [row.did, row.handle]));
}

/** Builders made per item and returned to be combined: nothing runs here. */
export function followQueries(db: Database, subjects: string[]) {
  return subjects.map((subject) => db.db.selectFrom('follow').selectAll().where('subject', '=', subject));
}

export function cachedHandles(cache: HandleCache, dids: string[]) {
  return dids.map((did) => cache.db.get(did));
}

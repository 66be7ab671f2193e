import type { JobContext } from './store';

// `ctx.db` is the project's key-value store, not a database client.
export async function warm(ctx: JobContext, ids: string[]) {
  for (const id of ids) {
    const item = await ctx.db.get(id);
//               ^^^^^ await-in-loop
    if (item) await ctx.db.update(id, { ...item, title: item.title.trim() });
  }
}

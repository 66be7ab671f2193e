import { eq } from 'drizzle-orm';
import type { AdminContext, AuthedContext, Context } from '../trpc/context';
import { ListModel } from '../models/lists';
import { lists } from '../db/schema';

export async function renameAll({ ctx, ids, name }: { ctx: Context; ids: string[]; name: string }) {
  for (const id of ids) {
    await ctx.db.update(lists).set({ name }).where(eq(lists.id, id));
//        ^^^^^^^^^^^^^ n-plus-one
  }
}

export async function purge(ctx: AdminContext & { reason: string }, ids: string[]) {
  for (const id of ids) {
    await ctx.db.delete(lists).where(eq(lists.id, id));
//        ^^^^^^^^^^^^^ n-plus-one
    ctx.audit(`${ctx.reason}: ${id}`);
  }
}

export async function resolveAll(ctx: AuthedContext, ids: string[]) {
  return Promise.all(ids.map((id) => ListModel.fromId(ctx, id)));
//                                   ^^^^^^^^^^^^^^^^ n-plus-one
}

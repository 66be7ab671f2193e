import { and, eq } from 'drizzle-orm';
import { bookmarks } from '../db/schema';
import { withTransaction, type ServiceContext } from './service-context';

export async function deleteBookmark(args: { ctx: ServiceContext; id: string }): Promise<void> {
  const { ctx, id } = args;
  await withTransaction(ctx, async (tx) => {
    await tx.delete(bookmarks).where(and(eq(bookmarks.id, id), eq(bookmarks.listId, ctx.workspaceId)));
  });
}

export async function deleteBookmarks(args: { ctx: ServiceContext; ids: string[] }): Promise<void> {
  for (const id of args.ids) {
    await deleteBookmark({ ctx: args.ctx, id });
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}

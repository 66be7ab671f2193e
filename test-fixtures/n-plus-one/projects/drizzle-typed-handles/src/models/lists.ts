import { and, eq, inArray } from 'drizzle-orm';
import type { AuthedContext } from '../trpc/context';
import { bookmarks, lists } from '../db/schema';

export class ListModel {
  protected constructor(
    protected ctx: AuthedContext,
    public readonly id: string,
  ) {}

  static async fromIds(ctx: AuthedContext, ids: string[]): Promise<ListModel[]> {
    const found: ListModel[] = [];
    for (const id of ids) {
      const row = await ctx.db.query.lists.findFirst({ where: and(eq(lists.id, id), eq(lists.ownerId, ctx.user.id)) });
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      if (row) found.push(new ListModel(ctx, row.id));
    }
    return found;
  }

  static async fromId(ctx: AuthedContext, id: string): Promise<ListModel | undefined> {
    const row = await ctx.db.query.lists.findFirst({ where: and(eq(lists.id, id), eq(lists.ownerId, ctx.user.id)) });
    return row && new ListModel(ctx, row.id);
  }

  async sizes(childIds: string[]): Promise<number[]> {
    const sizes: number[] = [];
    for (const childId of childIds) {
      const rows = await this.ctx.db.select().from(bookmarks).where(eq(bookmarks.listId, childId));
//                       ^^^^^^^^^^^^^^^^^^ n-plus-one
      sizes.push(rows.length);
    }
    return sizes;
  }

  async bookmarkCount(childIds: string[]): Promise<number> {
    const rows = await this.ctx.db.select().from(bookmarks).where(inArray(bookmarks.listId, childIds));
    return rows.length;
  }
}

import { eq } from 'drizzle-orm';
import { cards } from '~/server/db/schema';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '~/server/api/trpc';

type Move = { id: string; column: string; position: number };

export const cardRouter = createTRPCRouter({
  move: protectedProcedure.mutation(async ({ ctx }) => {
    const moves: Move[] = await ctx.db.select().from(cards);
    for (const move of moves) {
      await ctx.db.update(cards).set({ column: move.column, position: move.position }).where(eq(cards.id, move.id));
//          ^^^^^^^^^^^^^ n-plus-one
    }
  }),
  archive: publicProcedure.mutation(async (opts) => {
    const ids = ['a', 'b'].concat(opts.ctx.userId ?? []);
    for (const id of ids) {
      await opts.ctx.db.delete(cards).where(eq(cards.id, id));
//          ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }),
  notify: protectedProcedure.mutation(async ({ ctx, input }) => {
    for (const to of input as string[]) {
      await ctx.mailer.sendMail({ to, subject: 'Board changed' });
//    ^^^^^ await-in-loop
    }
  }),
});

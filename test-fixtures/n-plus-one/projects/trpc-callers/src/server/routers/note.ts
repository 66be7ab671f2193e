// valid
import { z } from 'zod';
import { authedProcedure, prisma, publicProcedure, router } from '../trpc';

export const noteRouter = router({
  save: authedProcedure.input(z.object({ id: z.number(), body: z.string() })).mutation(async ({ input }) => {
    return prisma.note.update({ where: { id: input.id }, data: { body: input.body } });
  }),
  preview: publicProcedure.input(z.string()).query(({ input }) => input.slice(0, 80)),
});

// valid
import { noteRouter } from './note';
import { authedProcedure, prisma, router, t, type Context } from '../trpc';

export const appRouter = router({
  notes: noteRouter,
  stats: router({
    recount: authedProcedure.mutation(async ({ ctx }) => prisma.stat.upsert({ where: { userId: ctx.userId }, create: {}, update: {} })),
  }),
});

export const createCaller = t.createCallerFactory(appRouter);

export const callerFor = (ctx: Context) => {
  return createCaller(ctx);
};

export const systemCaller = (ctx: Context) => appRouter.createCaller(ctx);

export type AppRouter = typeof appRouter;

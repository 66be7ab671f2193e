// valid
import { initTRPC, TRPCError } from '@trpc/server';
import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();

export interface Context {
  userId: string | null;
}

export const t = initTRPC.context<Context>().create();
export const router = t.router;
export const publicProcedure = t.procedure;
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { userId: ctx.userId } });
});

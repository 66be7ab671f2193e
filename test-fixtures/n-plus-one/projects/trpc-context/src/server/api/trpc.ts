// valid
import { initTRPC, TRPCError } from '@trpc/server';
import { db } from '~/server/db';
import { mailer } from '~/server/mailer';

const createInnerTRPCContext = (opts: { userId: string | null }) => ({ ...opts, db, mailer });

export const createTRPCContext = async (opts: { headers: Headers }) => {
  const userId = opts.headers.get('x-user-id');
  return createInnerTRPCContext({ userId });
};

const t = initTRPC.context<typeof createTRPCContext>().create();

export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure;
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { userId: ctx.userId } });
});

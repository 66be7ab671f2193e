import { z } from 'zod';
import { callerFor, createCaller } from './app';
import { authedProcedure, prisma, router } from '../trpc';

export const labelRouter = router({
  apply: authedProcedure.input(z.object({ ids: z.array(z.number()), label: z.string() })).mutation(async ({ input, ctx }) => {
    const notes = await prisma.note.findMany({ where: { id: { in: input.ids } } });
    for (const note of notes) {
      await callerFor(ctx).notes.save({ id: note.id, body: `${note.body} #${input.label}` });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return true;
  }),
  rename: authedProcedure.input(z.object({ from: z.string(), to: z.string() })).mutation(async ({ input, ctx }) => {
    const caller = createCaller(ctx);
    const notes = await prisma.note.findMany({ where: { body: { contains: `#${input.from}` } } });
    for (const note of notes) {
      await caller.notes.save({ id: note.id, body: note.body.replaceAll(`#${input.from}`, `#${input.to}`) });
//          ^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return notes.length;
  }),
});

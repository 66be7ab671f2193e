import { jobs } from './runner';

export const warm = (ids: string[]) =>
  jobs.query(async ({ ctx }) => {
    for (const id of ids) {
      await ctx.db.get(id);
//    ^^^^^ await-in-loop
    }
  });

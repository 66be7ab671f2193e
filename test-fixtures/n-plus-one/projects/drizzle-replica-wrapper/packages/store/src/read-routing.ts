// valid
import type { PgDatabase } from 'drizzle-orm/pg-core';

export type Routed<Q extends PgDatabase<any, any, any>> = Q & { writerOnly: () => Q };

/** Sends reads to a follower and everything else to the leader. */
export const routeReads = <Q extends PgDatabase<any, any, any>>(leader: Q, followers: Q[]): Routed<Q> => {
  const reader = (): Q => followers[Math.floor(Math.random() * followers.length)] ?? leader;
  const build = (): Routed<Q> =>
    ({
      ...leader,
      get select() {
        const db = reader();
        return db.select.bind(db);
      },
      writerOnly: () => leader,
    }) as Routed<Q>;
  return build();
};

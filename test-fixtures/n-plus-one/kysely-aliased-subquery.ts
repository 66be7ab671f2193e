import { Kysely } from 'kysely';

interface Tables {
  reaction: { postId: string; authorId: string; createdAt: string };
  membership: { memberId: string; groupId: string };
}

export function reactionQueries(db: Kysely<Tables>) {
  return {
    async membersWhoReacted(postIds: string[], groupId: string) {
      return Promise.all(
        postIds.map(async (postId) => {
          const latest = db.selectFrom('reaction').where('reaction.postId', '=', postId).orderBy('createdAt', 'desc').select(['authorId']).limit(100).as('latest');
          return db.selectFrom(latest)
//               ^^^^^^^^^^^^^ n-plus-one
            .innerJoin('membership', 'membership.memberId', 'latest.authorId')
            .where('membership.groupId', '=', groupId)
            .select(['latest.authorId'])
            .execute();
        }),
      );
    },

    async countsPerTable(tables: Array<'reaction' | 'membership'>) {
      return Promise.all(tables.map((table) => db.selectFrom(table).select((eb) => eb.fn.countAll().as('count')).executeTakeFirst()));
    },
  };
}

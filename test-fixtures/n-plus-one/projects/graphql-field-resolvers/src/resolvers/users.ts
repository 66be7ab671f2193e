import type { Resolvers, UserResolvers } from '../generated/graphql';
import { db } from '../db';

export const userResolvers: Resolvers = {
  User: {
    async posts(user) {
      return db('posts').where('author_id', user.id);
//           ^^ n-plus-one
    },
  },
  UserMutations: {
    rename: (user, args) => db('users').where({ id: user.id }).update({ name: args.name }),
  },
};

export const userDrafts: UserResolvers = {
  drafts: ({ id }) => db('posts').where({ author_id: id, published: false }),
//                    ^^ n-plus-one
};

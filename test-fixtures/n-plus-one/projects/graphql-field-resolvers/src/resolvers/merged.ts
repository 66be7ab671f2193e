import { ApolloServer } from '@apollo/server';
import { db } from '../db';
import { typeDefs } from './type-defs';

const commentResolvers = {
  Comment: {
    author: async (comment: { authorId: string }) => {
      const [author] = await db('users').where('id', comment.authorId);
//                           ^^ n-plus-one
      return author;
    },
  },
};

const tagResolvers = {
  Tag: {
    label: (tag: { name: string }) => tag.name.toLowerCase(),
  },
};

const settingsResolvers = {
  Settings: {
    theme: (settings: { userId: string }) => db('themes').where({ user_id: settings.userId }).first(),
  },
};

export const server = new ApolloServer({ typeDefs, resolvers: [commentResolvers, tagResolvers] });
export { settingsResolvers };

// valid
import type { Resolvers } from '../generated/graphql';
import { db } from '../db';

type Node = { id: string; kind: 'post' | 'user' };

export const rootResolvers = {
  Subscription: {
    postAdded: {
      subscribe: (_root: unknown, args: { topic: string }) => db('subscriptions').where({ topic: args.topic }).first(),
    },
  },
  AdminQuery: {
    auditLog: (admin: { id: string }) => db('audit_log').where({ admin_id: admin.id }).limit(100),
  },
  Node: {
    __resolveType: (node: Node) => (node.kind === 'post' ? 'Post' : 'User'),
  },
} satisfies Resolvers;

import { makeExecutableSchema } from '@graphql-tools/schema';
import { commentsOf, db } from '../db';
import { typeDefs } from './type-defs';

interface Post {
  id: string;
  title: string;
  author_id: string;
}

interface Context {
  userId: string;
  loaders: { likes: { load(postId: string): Promise<number> } };
}

const resolvers = {
  Query: {
    posts: () => db('posts').orderBy('created_at', 'desc').limit(50),
    post: (_root: unknown, args: { id: string }) => db('posts').where({ id: args.id }).first(),
  },
  Mutation: {
    publish: (_root: unknown, args: { id: string }) => db('posts').where({ id: args.id }).update({ published: true }),
  },
  Post: {
    author: (post: Post) => db('users').where({ id: post.author_id }).first(),
//                          ^^ n-plus-one
    comments: (post: Post) => commentsOf(post.id),
//                            ^^^^^^^^^^ n-plus-one
    likes: (post: Post, _args: unknown, context: Context) => context.loaders.likes.load(post.id),
    viewer: (_post: Post, _args: unknown, context: Context) => db('users').where({ id: context.userId }).first(),
    headline: (post: Post) => post.title.toUpperCase(),
    recentComments: (post: Post, args: { first: number }) => db('comments').where({ post_id: post.id }).limit(args.first),
  },
};

export const schema = makeExecutableSchema({ typeDefs, resolvers });

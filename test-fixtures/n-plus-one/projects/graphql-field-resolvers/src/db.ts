// valid
import knex from 'knex';

export const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export function commentsOf(postId: string) {
  return db('comments').where({ post_id: postId }).orderBy('created_at');
}

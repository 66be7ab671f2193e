import knex from 'knex';
import type { Resolvers } from './generated/graphql';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export const resolvers: Resolvers = {
  Project: {
    owner: (project) => db('users').where({ id: project.ownerId }).first(),
//                      ^^ n-plus-one
    models: (project, args) => listModels({ projectId: project.id, ...args }),
  },
  Model: {
    author: (model) => db('users').where({ id: model.authorId }).first(),
//                     ^^ n-plus-one
  },
  Seats: {
    used: (seats) => db('seats').where({ workspace_id: seats.workspaceId }).count(),
  },
};

function listModels(filter: { projectId: string; cursor?: string | null; limit?: number | null }) {
  return db('models')
    .where({ project_id: filter.projectId })
    .limit(filter.limit ?? 25);
}

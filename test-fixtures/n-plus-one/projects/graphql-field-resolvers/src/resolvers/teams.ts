import { PrismaClient } from '@prisma/client';
import { createSchema } from 'graphql-yoga';
import { typeDefs } from './type-defs';

const prisma = new PrismaClient();

type Team = { id: string; ownerId: string };

export const schema = createSchema({
  typeDefs,
  resolvers: {
    Team: {
      owner: (team: Team) => prisma.user.findUnique({ where: { id: team.ownerId } }),
      projects: (team: Team) => prisma.user.findUnique({ where: { id: team.ownerId } }).projects(),
      members: {
        resolve: (team: Team) => prisma.member.findMany({ where: { teamId: team.id } }),
//                               ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      },
      memberCount: async (team: Team) => {
        const { id } = team;
        return prisma.member.count({ where: { teamId: id } });
//             ^^^^^^^^^^^^^^^^^^^ n-plus-one
      },
    },
  },
});

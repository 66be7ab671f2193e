// valid
import type { PrismaClient } from '@notes/db';
import { basePrisma, tenantScoped } from './prisma';

type Team = { id: string; name: string };

export interface AuthContext {
  team: Team;
  prisma: PrismaClient;
}

export async function withAuth<T>(handler: (context: AuthContext) => Promise<T>): Promise<T> {
  const team = await basePrisma.team.findFirstOrThrow({ where: { id: 'current' } });
  const prisma = basePrisma.$extends(tenantScoped(team.id)) as unknown as PrismaClient;
  return handler({ team, prisma });
}

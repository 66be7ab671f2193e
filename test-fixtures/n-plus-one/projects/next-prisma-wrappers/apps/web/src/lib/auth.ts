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

export interface NoteStore {
  findFirst(args: { where: { id: string } }): Promise<{ id: string } | undefined>;
}

/** Hands the callback notes kept in memory for signed-out visitors: no database. */
export async function withPublicNotes<T>(handler: (context: { notes: NoteStore }) => Promise<T>): Promise<T> {
  const saved = new Map<string, { id: string }>();
  return handler({ notes: { findFirst: async ({ where }) => saved.get(where.id) } });
}

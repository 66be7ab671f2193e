// valid
import type { Prisma, PrismaClient } from '@prisma/client';
import type { Kysely, Transaction } from 'kysely';

export interface Schema {
  report: { id: string; title: string };
}

export type DB = PrismaClient | Prisma.TransactionClient;
export type Database = Kysely<Schema> | Transaction<Schema>;
/** Report titles kept in memory, by id. */
export type TitleCache = Map<string, string>;

// valid
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import { expiring } from './cache';
import { routeReads } from './read-routing';
import * as tables from './tables';

const leader = drizzle(new Pool({ connectionString: process.env.LEADER_URL }), { schema: tables });
const follower = drizzle(new Pool({ connectionString: process.env.FOLLOWER_URL }), { schema: tables });

export const db = routeReads(leader, [follower]);

export const open = async () => db;

export type Store = Awaited<ReturnType<typeof open>>;
export type StoreTx = PgTransaction<NodePgQueryResultHKT, typeof tables, ExtractTablesWithRelations<typeof tables>>;
export type StoreOrTx = Store | StoreTx;

const settings = new Map<string, string>();
export const loadSettings = async () => expiring({ get: async (key: string) => settings.get(key) });
export type Settings = Awaited<ReturnType<typeof loadSettings>>;

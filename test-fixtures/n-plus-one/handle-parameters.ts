// Helpers handed a client or a transaction, and the project's own transaction wrappers.
import { PrismaClient } from '@prisma/client';
import knexFactory, { type Knex } from 'knex';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { AppDatabase, Connection, DbClient } from './db-types';
import { openStore, type Store } from './store';
import { journal } from './journal';

interface Database {
  post_tags: { postId: number; tag: string };
}

interface AuditEntry {
  action: string;
  entityId: string;
  sensitive?: boolean;
}

const prisma = new PrismaClient();
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool() }) });

async function recordEvent(db: DbClient, entry: AuditEntry) {
  const row = { ...entry, at: new Date() };
  await db.auditEvent.create({ data: row });
}

async function inTransaction<T>(fn: (tx: DbClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn);
}

export async function archiveProjects(ids: string[]) {
  await prisma.$transaction(async (tx) => {
    await tx.project.updateMany({ where: { id: { in: ids } }, data: { archived: true } });
    for (const id of ids) await recordEvent(tx, { action: 'project.archive', entityId: id });
//                              ^^^^^^^^^^^ n-plus-one
  });
}

export async function closeProjects(ids: string[]) {
  await inTransaction(async (tx) => {
    for (const id of ids) {
      await tx.project.update({ where: { id }, data: { closed: true } });
//          ^^^^^^^^^^^^^^^^^ n-plus-one
    }
  });
}

async function logVisit(conn: Connection, page: string) {
  return conn.insert({ page, at: new Date() }).into('visits');
}

export async function logVisits(pages: string[]) {
  await knex.transaction(async (trx) => {
    for (const page of pages) await logVisit(trx, page);
//                                  ^^^^^^^^ n-plus-one
  });
}

// A wrapper that joins a transaction already open, or opens one and hands it on through a callback of its own.
async function inKnexTransaction<T>(db: Knex, fn: (trx: Knex) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction(async (trx) => fn(trx));
}

export async function renamePages(pages: Array<{ id: number; title: string }>) {
  await inKnexTransaction(knex, async (trx) => {
    for (const page of pages) await trx('pages').where({ id: page.id }).update({ title: page.title });
//                                  ^^^ n-plus-one
  });
}

async function addTag(db: AppDatabase, postId: number, tag: string) {
  await db.insertInto('post_tags').values({ postId, tag }).execute();
}

export async function tagPost(postId: number, tags: string[]) {
  for (const tag of tags) await addTag(kysely, postId, tag);
//                              ^^^^^^ n-plus-one
}

// The audit row is written only for sensitive entries: whether it runs per item depends on the data.
async function auditIfSensitive(db: DbClient, entry: AuditEntry) {
  if (entry.sensitive) await db.auditEvent.create({ data: entry });
}

const plans = new Map<string, unknown>();

// Plans are kept once read: the query runs only on a miss, not once per call.
async function planOf(db: DbClient, planId: string) {
  const cached = plans.get(planId);
  if (cached) return cached;
  const plan = await db.plan.findUnique({ where: { id: planId } });
  plans.set(planId, plan);
  return plan;
}

// The parameter is a map in memory: its `delete` is no statement.
async function forget(rows: Map<string, AuditEntry>, id: string) {
  return rows.delete(id);
}

// A file store opened for the callback is no transaction of a database client.
async function withStore<T>(path: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(path);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

// `journal` is no client: its `transaction` is the journal's own.
async function inJournal<T>(fn: (entry: Store) => Promise<T>): Promise<T> {
  return journal.transaction(fn);
}

// The journal's callback hands on its own entry, not a database's transaction.
async function inJournalEntry<T>(fn: (entry: Store) => Promise<T>): Promise<T> {
  return journal.transaction(async (entry) => fn(entry));
}

export async function quiet(entries: AuditEntry[], seen: Map<string, AuditEntry>) {
  await prisma.$transaction(async (tx) => {
    for (const entry of entries) await auditIfSensitive(tx, entry);
  });
  for (const entry of entries) await forget(seen, entry.entityId);
  await prisma.$transaction(async (tx) => {
    for (const entry of entries) await planOf(tx, entry.entityId);
  });
  await withStore('drafts', async (store) => {
    for (const entry of entries) await store.update(entry.entityId, entry);
//                               ^^^^^ await-in-loop
  });
  await inJournal(async (journalEntry) => {
    for (const entry of entries) await journalEntry.delete(entry.entityId);
//                               ^^^^^ await-in-loop
  });
  await inJournalEntry(async (journalEntry) => {
    for (const entry of entries) await journalEntry.delete(entry.entityId);
//                               ^^^^^ await-in-loop
  });
}

import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { Pool } from 'pg';

interface Database {
  pages: { id: string; title: string; spaceId: string };
  labels: { id: string; pageId: string; name: string };
}

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });

export async function labelsOf(pageIds: string[], { trx = db }: { trx?: Transaction<Database> | Kysely<Database> } = {}) {
  const labels = [];
  for (const pageId of pageIds) {
    labels.push(await trx.selectFrom('labels').selectAll().where('pageId', '=', pageId).execute());
//                    ^^^^^^^^^^^^^^ n-plus-one
  }
  return labels;
}

export async function renamePages(titles: Map<string, string>, executor = db) {
  for (const [id, title] of titles) {
    await executor.updateTable('pages').set({ title }).where('id', '=', id).execute();
//        ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function spacesOf(pages: Array<{ id: string; spaceId: string }>) {
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const page of pages) {
    if (!seen.has(page.spaceId)) {
      seen.add(page.spaceId);
      const first = await db.selectFrom('pages').select('title').where('spaceId', '=', page.spaceId).executeTakeFirst();
//                        ^^^^^^^^^^^^^ n-plus-one
      if (first) titles.push(first.title);
    }
  }
  return titles;
}

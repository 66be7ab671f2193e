// One select per kind of a grouping, each against its own table and with the ids of its group.
import { eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { documents, folders, posts } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));

const SOURCES = {
  document: { table: documents, id: documents.id },
  folder: { table: folders, id: folders.id },
} as const;

type Ref = { kind: keyof typeof SOURCES; id: string };

export async function existingRefs(refs: Ref[]) {
  const idsByKind = new Map<Ref['kind'], string[]>();
  for (const ref of refs) idsByKind.set(ref.kind, [...(idsByKind.get(ref.kind) ?? []), ref.id]);
  const found = new Set<string>();
  await Promise.all(
    Array.from(idsByKind, async ([kind, ids]) => {
      const source = SOURCES[kind];
      const rows = await db.select({ id: source.id }).from(source.table).where(inArray(source.id, ids));
      for (const row of rows) found.add(`${kind}:${row.id}`);
    }),
  );
  return refs.filter((ref) => found.has(`${ref.kind}:${ref.id}`));
}

// Each item's own row, from its kind's table: still one query per item.
export async function loadRefs(refs: Ref[]) {
  const loaded = [];
  for (const ref of refs) {
    const source = SOURCES[ref.kind];
    loaded.push(await db.select().from(source.table).where(eq(source.id, ref.id)));
//                    ^^^^^^^^^ n-plus-one
  }
  return loaded;
}

// The same table for every group: one select over all the ids would do.
export async function postsByAuthor(idsByAuthor: Map<string, string[]>) {
  const result = new Map<string, unknown[]>();
  for (const [authorId, ids] of idsByAuthor) {
    result.set(authorId, await db.select().from(posts).where(inArray(posts.id, ids)));
//                             ^^^^^^^^^ n-plus-one
  }
  return result;
}

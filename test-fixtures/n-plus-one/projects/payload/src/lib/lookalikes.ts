// valid
import type { CollectionSlug, Payload } from 'payload';

const cache = new Map<string, { title: string }>();

/** A cache `get`, an array `find`, a look-up object with a `find` method: none of them is Payload. */
export function titles(ids: string[], docs: Array<{ id: string; title: string }>) {
  const index = { find: (id: string) => docs.find((doc) => doc.id === id) };
  return ids.map((id) => cache.get(id)?.title ?? docs.find((doc) => doc.id === id)?.title ?? index.find(id)?.title);
}

/** One query per collection of a fixed list: as many queries as the schema has collections. */
export async function countAll(payload: Payload) {
  const totals: Record<string, number> = {};
  for (const collection of ['posts', 'pages', 'media'] as const satisfies readonly CollectionSlug[]) {
    totals[collection] = (await payload.count({ collection })).totalDocs;
  }
  return totals;
}

/** The batched form: one query over every id. */
export async function authorsOf(payload: Payload, ids: string[]) {
  const { docs } = await payload.find({ collection: 'users', where: { id: { in: ids } }, pagination: false });
  return docs;
}

/** One delete per collection: the Local API takes one collection a call, and the configuration bounds how many there are. */
export async function removeTenant(payload: Payload, slugs: CollectionSlug[], tenant: string) {
  for (const slug of slugs) {
    await payload.delete({ collection: slug, where: { tenant: { equals: tenant } } });
  }
}

/** One update per locale of one document: the Local API writes one locale a call. */
export async function translate(payload: Payload, id: string, translations: Record<string, { title: string }>) {
  for (const [locale, data] of Object.entries(translations)) {
    await payload.update({ collection: 'pages', id, locale, data });
  }
}

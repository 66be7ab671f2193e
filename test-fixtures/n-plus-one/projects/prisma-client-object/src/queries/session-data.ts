import prisma from '../lib/prisma';

export async function saveSessionData(sessionId: string, entries: Array<{ key: string; value: string }>) {
  const { client } = prisma;
  for (const { key, value } of entries) {
    const updated = await client.sessionData.updateMany({ where: { sessionId, key }, data: { value } });
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (updated.count === 0) await client.sessionData.create({ data: { sessionId, key, value } });
  }
}

export async function websiteNames(ids: string[]) {
  return Promise.all(ids.map((id) => prisma.client.website.findUnique({ where: { id } })));
//                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export function searchClauses(columns: string[]) {
  return columns.map((column) => prisma.getSearchSQL(column));
}

import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

type ListKey = 'Post' | 'Tag' | 'Author';

/** A generic admin endpoint: the model comes from the route, the ids from the request. */
export async function loadItems(listKey: ListKey, ids: string[]) {
  const delegate = (prisma as any)[listKey.toLowerCase()];
  const items = [];
  for (const id of ids) {
    items.push(await delegate.findUnique({ where: { id } }));
//                   ^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return items;
}

export function checkExisting(listKey: ListKey, uniqueInputs: Array<{ id: string }>) {
  return Promise.allSettled(
    uniqueInputs.map(async (where) => {
      const item = await (prisma as any)[listKey].findFirst({ where });
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      if (!item) throw new Error(`Missing ${listKey} ${where.id}`);
      return item;
    }),
  );
}

/** One statement per model: the model changes with the item, so no single query covers them. */
export async function resetModels(listKeys: ListKey[]) {
  for (const listKey of listKeys) {
    await (prisma as any)[listKey].deleteMany({});
  }
}

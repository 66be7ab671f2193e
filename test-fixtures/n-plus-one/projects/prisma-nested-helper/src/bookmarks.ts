import { prisma } from './db';

type Entry = { url: string; title: string; labels: string[] };

export async function importEntries(ownerId: number, shelfId: number, entries: Entry[]) {
  for (const entry of entries) {
    await saveBookmark(ownerId, shelfId, entry);
//        ^^^^^^^^^^^^ n-plus-one
  }
}

export async function copyEntries(shelfId: number, entries: Entry[]) {
  for (const entry of entries) {
    await saveBare(shelfId, entry);
//        ^^^^^^^^ n-plus-one
  }
}

async function saveBookmark(ownerId: number, shelfId: number, entry: Entry) {
  const labels = entry.labels.map((label) => label.trim()).filter(Boolean);
  await prisma.bookmark.create({
    data: {
      url: entry.url,
      title: entry.title,
      shelfId,
      labels: labels.length
        ? {
            connectOrCreate: labels.map((name) => ({
              where: { name_ownerId: { name, ownerId } },
              create: { name, ownerId },
            })),
          }
        : undefined,
    },
  });
}

async function saveBare(shelfId: number, entry: Entry) {
  await prisma.bookmark.create({ data: { url: entry.url, title: entry.title, shelfId } });
}

// Only the first turn passes the guard: the write runs once, whatever the list.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function storeRenders(renders: Array<{ id: string; url: string }>) {
  let stored = 0;
  for (const render of renders) {
    if (stored++ === 0) await prisma.preview.create({ data: { renderId: render.id, url: render.url } });
  }
}

export async function markPrimary(photoIds: string[]) {
  for (const [index, id] of photoIds.entries()) {
    if (index === 0) await prisma.photo.update({ where: { id }, data: { primary: true } });
  }
}

export async function storeAllButFirst(renders: Array<{ id: string; url: string }>) {
  let stored = 0;
  for (const render of renders) {
    if (stored++ !== 0) await prisma.preview.create({ data: { renderId: render.id, url: render.url } });
//                            ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

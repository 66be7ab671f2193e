// A loop that stops on what a query per item found is a search when it walks candidates; over rows a query just read,
// or when it leaves only to answer with an error, it runs a query for every row on the way: still N+1.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function ownsLastSeat(userId: string): Promise<boolean> {
  const memberships = await prisma.membership.findMany({ where: { userId, role: 'OWNER' }, select: { workspaceId: true } });
  for (const membership of memberships) {
    const owners = await prisma.membership.count({ where: { workspaceId: membership.workspaceId, role: 'OWNER' } });
//                       ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (owners === 1) return true;
  }
  return false;
}

export async function removeDocuments(userId: string, documentIds: string[]) {
  for (const documentId of documentIds) {
    const folder = await prisma.folder.findFirst({ where: { documents: { some: { id: documentId } } }, include: { editors: true } });
//                       ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (!folder?.editors.some((editor) => editor.userId === userId)) {
      return { error: 'Folder is not editable.', status: 403 };
    }
  }
  await prisma.document.deleteMany({ where: { id: { in: documentIds } } });
  return { status: 200 };
}

export async function freeSlug(base: string): Promise<string> {
  const candidates = [base, `${base}-2`, `${base}-3`, `${base}-${Date.now()}`];
  for (const slug of candidates) {
    const taken = await prisma.page.findUnique({ where: { slug } });
    if (!taken) return slug;
  }
  return `${base}-${Math.random().toString(36).slice(2)}`;
}

export async function firstReachable(hosts: string[]) {
  for (const host of hosts) {
    const mirror = await prisma.mirror.findFirst({ where: { host, healthy: true } });
    if (mirror) return mirror;
  }
  return { error: 'No mirror is up.', status: 503 };
}

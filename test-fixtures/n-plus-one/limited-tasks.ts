// A task handed to a limiter per item still runs its query once per item: the limiter bounds how many run at once, not how many run.
import { PrismaClient } from '@prisma/client';
import pLimit from 'p-limit';
import PQueue from 'p-queue';

const prisma = new PrismaClient();

export async function archiveFiles(fileIds: string[]) {
  const limit = pLimit(5);
  await Promise.all(fileIds.map((id) => limit(() => prisma.driveFile.update({ where: { id }, data: { archivedAt: new Date() } }))));
//                                                  ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function refreshOwners(documents: Array<{ id: string; ownerId: string }>) {
  const queue = new PQueue({ concurrency: 4 });
  for (const document of documents) {
    void queue.add(async () => {
      const owner = await prisma.user.findUnique({ where: { id: document.ownerId } });
//                        ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      return { document, owner };
    });
  }
  await queue.onIdle();
}

export async function countOnce(workspaceId: string) {
  const limit = pLimit(1);
  return limit(() => prisma.driveFile.count({ where: { workspaceId } }));
}

// A query per item in chunks (`for (const batch of chunk(items, 100)) await Promise.all(batch.map(...))`) is still one query per
// item: the chunks bound how many run at once, not how many run. A query per chunk, or per-item work beyond the database, is not.
import { PrismaClient } from '@prisma/client';
import { chunk } from 'lodash';

const prisma = new PrismaClient();

interface Workspace {
  id: string;
  linksCount: number;
}

export async function resetUsage(workspaces: Workspace[]) {
  for (const workspaceChunk of chunk(workspaces, 100)) {
    await Promise.allSettled(workspaceChunk.map((workspace) => prisma.project.update({ where: { id: workspace.id }, data: { usage: 0 } })));
    //                                                         ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function addLinkUsage(updates: Workspace[]) {
  const batches: Workspace[][] = [];
  for (let i = 0; i < updates.length; i += 50) batches.push(updates.slice(i, i + 50));
  for (const batch of batches) {
    await Promise.all(
      batch.map(async (update) => {
        await prisma.project.update({ where: { id: update.id }, data: { linksUsage: { increment: update.linksCount } } });
        //    ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }),
    );
  }
}

export async function loadDomains(domainIds: number[]) {
  const found = [];
  for (let i = 0; i < domainIds.length; i += 10) {
    const batch = domainIds.slice(i, i + 10);
    found.push(...(await Promise.all(batch.map((id) => prisma.emailDomain.findUnique({ where: { id } })))));
    //                                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return found;
}

export async function markSeen(userIds: string[]) {
  for (const batch of chunk(userIds, 100)) {
    for (const id of batch) await prisma.user.update({ where: { id }, data: { seen: true } });
    //                            ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

// One statement per chunk: the batched form itself.
export async function archiveLinks(linkIds: string[]) {
  for (const ids of chunk(linkIds, 500)) await prisma.link.updateMany({ where: { id: { in: ids } }, data: { archived: true } });
  await Promise.all(chunk(linkIds, 500).map((ids) => prisma.link.deleteMany({ where: { id: { in: ids } } })));
}

export async function importLinks(rows: Array<{ url: string }>) {
  const batches = chunk(rows, 1000);
  for (const batch of batches) await prisma.link.createMany({ data: batch });
}

// Each item waits on a call to another service before its write: concurrency bounded by the chunks, nothing to batch in the database.
export async function rateWebsites(websites: Array<{ id: string; hostname: string }>) {
  for (const websiteChunk of chunk(websites, 10)) {
    await Promise.allSettled(
      websiteChunk.map(async (website) => {
        const response = await fetch(`https://ratings.example.com/v1/domains/${website.hostname}`);
        const { rating } = (await response.json()) as { rating: number };
        await prisma.partnerPlatform.update({ where: { id: website.id }, data: { rating } });
      }),
    );
  }
}

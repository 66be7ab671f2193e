// valid
import { Prisma } from '@prisma/client';
import { db } from '../db';

export async function viewCount(postId: string): Promise<number> {
  const rows = await db.$queryRaw<Array<{ views: bigint }>>`
    SELECT count(*) AS views FROM "PostView" WHERE "postId" = ${postId}
  `;
  return Number(rows[0]?.views ?? 0);
}

export async function viewCounts(postIds: string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<Array<{ postId: string; views: bigint }>>`
    SELECT "postId", count(*) AS views FROM "PostView" WHERE "postId" IN (${Prisma.join(postIds)}) GROUP BY "postId"
  `;
  return new Map(rows.map((row) => [row.postId, Number(row.views)]));
}

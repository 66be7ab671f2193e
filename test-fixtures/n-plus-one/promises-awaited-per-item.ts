// A promise awaited in the iteration that made it: the loop waits for each item in turn. Its `.then` callback's
// write is part of that wait, await-in-loop's finding, not a write started per item and collected for later.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function readFeed(url: string): Promise<{ etag: string }> {
  const response = await fetch(url);
  return { etag: response.headers.get('etag') ?? '' };
}

export async function refreshInTurn(urls: string[]): Promise<void> {
  for (const url of urls) {
    await readFeed(url).then((state) => prisma.feedState.update({ where: { url }, data: state }));
//  ^^^^^ await-in-loop
  }
}

// Promises made once per item and awaited later run one query per item all the same: the query is the finding,
// wherever it sits in the promise (the call pushed, a `.then` callback of it, what a `.map` kept in a variable returns).
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Feed {
  url: string;
  title: string;
}

async function readFeed(url: string): Promise<{ etag: string; items: number }> {
  const response = await fetch(url);
  return { etag: response.headers.get('etag') ?? '', items: Number(response.headers.get('x-items')) };
}

export async function refreshFeeds(feeds: Feed[]): Promise<void> {
  const refreshed: Array<Promise<unknown>> = [];
  for (const feed of feeds) {
    refreshed.push(
      readFeed(feed.url).then((state) =>
        prisma.feedState.upsert({ where: { url: feed.url }, create: { url: feed.url, ...state }, update: state }),
//      ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      ),
    );
  }
  await Promise.all(refreshed);
}

export async function countSubscribers(feeds: Feed[]): Promise<number[]> {
  const counts: Array<Promise<number>> = [];
  for (let index = 0; index < feeds.length; index++) {
    counts.push(prisma.subscription.count({ where: { url: feeds[index]!.url } }));
//              ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return Promise.all(counts);
}

export async function renameFeeds(feeds: Feed[]): Promise<void> {
  const renames = feeds.map((feed) => prisma.feed.update({ where: { url: feed.url }, data: { title: feed.title } }));
//                                    ^^^^^^^^^^^^^^^^^^ n-plus-one
  await Promise.allSettled(renames);
}

export async function firstStored(feeds: Feed[]): Promise<unknown> {
  const lookups = feeds.map((feed) =>
    readFeed(feed.url).then(async (state) => {
      if (state.items === 0) return undefined;
      return prisma.feedState.findUnique({ where: { url: feed.url } });
//           ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }),
  );
  return Promise.any(lookups);
}


// valid
// Promises made in a loop whose queries do not repeat per item: other work, one item, a fixed list, a failure path.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Feed {
  url: string;
  primary: boolean;
}

async function readFeed(url: string): Promise<{ etag: string }> {
  const response = await fetch(url);
  return { etag: response.headers.get('etag') ?? '' };
}

/** The loop leaves once it has started the refresh of the primary feed: one query. */
export async function refreshPrimary(feeds: Feed[]): Promise<void> {
  const started: Array<Promise<unknown>> = [];
  for (const feed of feeds) {
    if (feed.primary) {
      started.push(readFeed(feed.url).then((state) => prisma.feedState.update({ where: { url: feed.url }, data: state })));
      break;
    }
  }
  await Promise.all(started);
}

/** Checked to hold one feed before the loop. */
export async function refreshOne(feeds: Feed[]): Promise<void> {
  if (feeds.length !== 1) throw new Error('expected exactly one feed');
  const started: Array<Promise<unknown>> = [];
  for (const feed of feeds) started.push(readFeed(feed.url).then((state) => prisma.feedState.update({ where: { url: feed.url }, data: state })));
  await Promise.all(started);
}

/** A list written in the code: as many queries as it names. */
export async function refreshDefaults(): Promise<void> {
  const started: Array<Promise<unknown>> = [];
  for (const url of ['https://example.com/news.xml', 'https://example.com/blog.xml'])
    started.push(readFeed(url).then((state) => prisma.feedState.update({ where: { url }, data: state })));
  await Promise.all(started);
}

/** A query only when a feed fails: the failure path, not a query per item. */
export async function pingFeeds(feeds: Feed[], concurrency: number): Promise<void> {
  for (let start = 0; start < feeds.length; start += concurrency) {
    const pings: Array<Promise<unknown>> = [];
    for (const feed of feeds.slice(start, start + concurrency))
      pings.push(readFeed(feed.url).catch((error: Error) => prisma.feedError.create({ data: { url: feed.url, message: error.message } })));
    await Promise.all(pings);
  }
}

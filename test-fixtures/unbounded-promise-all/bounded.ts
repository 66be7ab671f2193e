// valid: fixed lists, limiters, batches and existing promises are not unbounded
import pLimit from 'p-limit';
import PQueue from 'p-queue';
import pMap from 'p-map';

declare function fetchUser(id: string): Promise<{ name: string }>;
declare function fetchOrders(id: string): Promise<unknown[]>;
declare function chunk<T>(items: T[], size: number): T[][];

export async function profile(id: string): Promise<unknown> {
  const [user, orders] = await Promise.all([fetchUser(id), fetchOrders(id)]);
  return { user, orders };
}

const REGIONS = ['eu', 'us', 'ap'] as const;

export async function regions(): Promise<unknown[]> {
  return Promise.all(REGIONS.map((region) => fetch(`https://${region}.example.com/health`)));
}

export async function literalList(): Promise<unknown[]> {
  return Promise.all(['a.json', 'b.json', 'c.json'].map((file) => fetch(`/static/${file}`)));
}

export async function limited(ids: string[]): Promise<unknown[]> {
  const limit = pLimit(8);
  return Promise.all(ids.map((id) => limit(() => fetchUser(id))));
}

export async function queued(ids: string[]): Promise<unknown[]> {
  const queue = new PQueue({ concurrency: 4 });
  return Promise.all(ids.map((id) => queue.add(() => fetchUser(id))));
}

export async function mapped(ids: string[]): Promise<unknown[]> {
  return pMap(ids, (id) => fetchUser(id), { concurrency: 8 });
}

export async function batched(ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 20) {
    const batch = ids.slice(i, i + 20);
    await Promise.all(batch.map((id) => fetchUser(id)));
  }
}

export async function chunked(ids: string[]): Promise<void> {
  for (const group of chunk(ids, 20)) {
    await Promise.all(group.map((id) => fetchUser(id)));
  }
}

export async function alreadyStarted(tasks: { done: Promise<void> }[]): Promise<void> {
  await Promise.all(tasks.map((task) => task.done));
}

export async function fromParameter(promises: Promise<unknown>[]): Promise<void> {
  await Promise.all(promises);
}

export async function workers(items: string[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fetchUser(items[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export async function fixedPool(): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < 4; i++) pending.push(fetch(`/shard/${i}`));
  await Promise.all(pending);
}

export async function localPromise(ids: string[]): Promise<void> {
  const Promise = { all: (values: unknown[]) => values };
  Promise.all(ids.map((id) => fetchUser(id)));
}

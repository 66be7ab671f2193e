// A key every item overwrites ends with the last item's value: one write after the loop leaves the same.
import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });

interface Delivery {
  id: string;
  body: Record<string, string>;
}

export async function acknowledge(channel: string, deliveries: Delivery[], handle: (body: Record<string, string>) => Promise<void>) {
  for (const delivery of deliveries) {
    await handle(delivery.body);
//  ^^^^^ await-in-loop
    await client.set(`last-delivered:${channel}`, delivery.id);
//        ^^^^^^^^^^ n-plus-one
  }
}

export async function rememberEach(channel: string, deliveries: Delivery[]) {
  for (const delivery of deliveries) {
    await client.set(`delivery:${channel}:${delivery.id}`, JSON.stringify(delivery.body));
//        ^^^^^^^^^^ n-plus-one
  }
}

import _map from 'lodash/map';
import _ from 'lodash';
import { map, forEach } from 'lodash-es';

declare function fetchUser(id: string): Promise<{ name: string }>;
declare function notify(address: string): Promise<void>;

export async function users(ids: string[]): Promise<{ name: string }[]> {
  return Promise.all(_map(ids, (id) => fetchUser(id)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function notifyAll(addresses: string[]): Promise<void> {
  // The function handed over by name, called once per address.
  const sends = _.map(addresses, notify);
  await Promise.allSettled(sends);
  //    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
}

export async function profiles(ids: string[]): Promise<void> {
  await Promise.all(map(ids, async (id) => (await fetchUser(id)).name));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function firstTwo(ids: string[]): Promise<{ name: string }[]> {
  return Promise.all(_map(ids.slice(0, 2), (id) => fetchUser(id)));
}

export function logAll(ids: string[]): void {
  // lodash's forEach returns the list, not the promises: nothing is awaited together.
  forEach(ids, (id) => console.log(id));
}

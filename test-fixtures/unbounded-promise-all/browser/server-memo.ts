// A server module that takes React's cache and no hook: what it starts at once is still reported.
import { cache } from 'react';

declare function loadProfile(id: string): Promise<{ id: string; name: string }>;

export const profile = cache((id: string) => loadProfile(id));

export async function profilesOf(ids: string[]) {
  return Promise.all(ids.map((id) => loadProfile(id)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

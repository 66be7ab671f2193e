// valid
import { Notifier } from './notifier';

const notifier = new Notifier();
const WARM_BATCH = 20;

export async function onComment(owner: { token: string }, author: { token: string }) {
  await notifier.notifyWatchers([owner, author]);
  await notifier.notifyFollowers([owner]);
}

export async function onRelease(watcher: { token: string }, body: { followers: Array<{ token: string }> }) {
  await notifier.notifyWatchers([watcher]);
  await notifier.notifyFollowers(body.followers);
}

export async function warmAll(keys: string[]) {
  for (let start = 0; start < keys.length; start += WARM_BATCH) {
    await notifier.warmCaches(keys.slice(start, start + WARM_BATCH));
  }
}

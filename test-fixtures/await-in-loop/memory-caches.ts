// A cache held in the process's memory answers at once: awaiting its writes in a loop waits for nothing.
// Next to it, a cache kept by a server, whose writes are round trips.
import Keyv from 'keyv';
import { LRUCache } from 'lru-cache';
import NodeCache from 'node-cache';

interface NavigationTree {
  locale: string;
  items: string[];
}

const sidebars = new NodeCache({ stdTTL: 300 });
const renderedPages = new LRUCache<string, string>({ max: 500 });
const sessions = new Keyv(process.env.SESSION_STORE_URL);

export async function cacheSidebars(trees: NavigationTree[]): Promise<void> {
  for (const tree of trees) {
    await sidebars.set(`nav:sidebar:${tree.locale}`, tree.items, 300);
  }
}

export async function forgetPages(paths: string[]): Promise<void> {
  for (const path of paths) await renderedPages.delete(path);
}

export async function expireSessions(ids: string[]): Promise<void> {
  for (const id of ids) {
    await sessions.delete(`session:${id}`);
//  ^^^^^ await-in-loop
  }
}

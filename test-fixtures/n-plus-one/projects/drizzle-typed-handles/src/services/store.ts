// valid
import type { User } from '../trpc/context';

export interface Item {
  id: string;
  title: string;
}

export interface Store {
  get(id: string): Promise<Item | undefined>;
  update(id: string, item: Item): Promise<void>;
}

export interface JobContext {
  db: Store;
  user: User;
}

type Db = Map<string, Item>;

const cache = new Map<string, Item>();

export function take(db: Db, ids: string[]): Item[] {
  const found: Item[] = [];
  for (const id of ids) {
    const item = db.get(id);
    if (item && db.delete(id)) found.push(item);
  }
  return found;
}

export class Memo {
  constructor(private readonly store: typeof cache) {}

  evict(ids: string[]): number {
    let evicted = 0;
    for (const id of ids) if (this.store.delete(id)) evicted++;
    return evicted;
  }
}

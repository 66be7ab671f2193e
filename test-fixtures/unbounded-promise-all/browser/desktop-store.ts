// valid
// A Tauri desktop app's web view: the stores it closes are the ones this one user's app opened.
import { LazyStore } from '@tauri-apps/plugin-store';

export class StoreRegistry {
  private static readonly open = new Map<string, LazyStore>();

  static get(path: string): LazyStore {
    const existing = StoreRegistry.open.get(path);
    if (existing) return existing;
    const store = new LazyStore(path);
    StoreRegistry.open.set(path, store);
    return store;
  }

  static async closeAll(): Promise<void> {
    await Promise.all(Array.from(StoreRegistry.open.values()).map((store) => store.close()));
    StoreRegistry.open.clear();
  }
}

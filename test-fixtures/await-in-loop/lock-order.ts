// A lock provider takes the keys it is given one at a time, in order: two holders of overlapping
// keys then never wait on each other crosswise. Releasing them, or a look at who holds them, is
// still reported.
interface LockRow {
  ownerId: string | null;
  expiresAt: number | null;
}
declare const lockTable: {
  lookup(key: string): Promise<LockRow | undefined>;
  claim(key: string, ownerId: string, expiresAt: number | null): Promise<void>;
  free(key: string, ownerId: string): Promise<void>;
};

export class TableLockProvider {
  async acquire(keys: string | string[], ownerId: string, expireSeconds?: number): Promise<void> {
    const list = Array.isArray(keys) ? keys : [keys];
    for (const key of list) {
      const row = await lockTable.lookup(key);
      if (row && row.ownerId !== ownerId) throw new Error(`Key ${key} is held by another owner`);
      await lockTable.claim(key, ownerId, expireSeconds ? Date.now() + expireSeconds * 1000 : null);
    }
  }

  protected async acquireLocks_(keys: string[], ownerId: string): Promise<void> {
    for (const key of keys) {
      await lockTable.claim(key, ownerId, null);
    }
  }

  async release(keys: string[], ownerId: string): Promise<void> {
    for (const key of keys) {
      await lockTable.free(key, ownerId);
    //^^^^^ await-in-loop
    }
  }

  /** Named for the locks it looks at, not for taking them. */
  async lockOwners(keys: string[]): Promise<Array<string | null>> {
    const owners: Array<string | null> = [];
    for (const key of keys) {
      const row = await lockTable.lookup(key);
      //          ^^^^^ await-in-loop
      owners.push(row?.ownerId ?? null);
    }
    return owners;
  }
}

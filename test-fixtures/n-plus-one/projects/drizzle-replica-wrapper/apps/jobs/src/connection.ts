// valid
import { db, type Store } from '@ledger/store/client';

let current: Store | null = null;

export function connection(): Store {
  current ??= db;
  return current;
}

// A DataLoader sends the keys queued in one tick to its batch function together: a Promise.all over its loads is one query.
// Other work started beside a load still runs once per item, all at once.
import DataLoader from 'dataloader';
import { archive } from './archive-client';

type Account = { id: string; ownerId: string };

declare function accountsByIds(ids: readonly string[]): Promise<Account[]>;
declare function sendStatement(account: Account): Promise<void>;

const accountLoader = new DataLoader<string, Account>((ids) => accountsByIds(ids));

export async function accountsOf(ids: string[]): Promise<Account[]> {
  return Promise.all(ids.map((id) => accountLoader.load(id)));
}

export async function ownersOf(ids: string[]): Promise<string[]> {
  return Promise.all(
    ids.map(async (id) => {
      const account = await accountLoader.load(id);
      return account.ownerId;
    }),
  );
}

export async function sendStatements(ids: string[]): Promise<void> {
  await Promise.all(ids.map(async (id) => sendStatement(await accountLoader.load(id))));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function restoreArchives(keys: string[]): Promise<void> {
  await Promise.all(keys.map((key) => archive.load(key)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

// Fields and aliases whose client is not known: an await per item is await-in-loop's, not n-plus-one.
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Account } from './entities';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

/** A field set to a client in one method and to a plain map in another holds either: nothing is known of it. */
export class NameCache {
  private store;

  async init(url?: string) {
    if (url) this.store = new Redis(url);
  }

  useMemory() {
    this.store = new Map<string, string>();
  }

  async names(ids: string[]) {
    const names = [];
    for (const id of ids) names.push(await this.store.get(id));
//                                   ^^^^^ await-in-loop
    return names;
  }
}

/** The accounts are loaded once, in one query; the loop reads the map it built. */
export class AccountIndex {
  private accounts;
  private byId = new Map<string, Account>();

  async init() {
    this.accounts = dataSource.getRepository(Account);
    for (const account of await this.accounts.find()) this.byId.set(account.id, account);
  }

  owners(ids: string[]) {
    const that = this;
    return ids.map((id) => that.byId.get(id));
  }
}

/** `self` is set again, so it is not an alias of the instance. */
export class Rotating {
  private sessions;

  async init(url: string) {
    this.sessions = new Redis(url);
  }

  async touch(tokens: string[], other: { get(key: string): Promise<string | null> }) {
    let self: { get(key: string): Promise<string | null> } = this.sessions;
    self = other;
    for (const token of tokens) await self.get(token);
//                              ^^^^^ await-in-loop
  }
}

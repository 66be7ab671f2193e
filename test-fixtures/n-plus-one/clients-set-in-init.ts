// Clients a class sets up in an initialisation method, not its constructor: what every assignment sets a field to is what it holds.
import { MongoClient, type Collection } from 'mongodb';
import Redis from 'ioredis';
import { createClient } from 'redis';
import { DataSource } from 'typeorm';
import { Account } from './entities';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

export class AccountDirectory {
  private accounts;
  private cache;
  private sessions;
  private audit!: Collection;

  async init(url: string) {
    await dataSource.initialize();
    this.accounts = dataSource.getRepository(Account);
    this.cache = createClient({ url });
    await this.cache.connect();
    this.sessions = new Redis(url);
    const mongo = await MongoClient.connect(url);
    this.audit = mongo.db('audit').collection('entries');
  }

  async owners(ids: string[]) {
    const owners = [];
    for (const id of ids) {
      owners.push(await this.accounts.findOneBy({ id }));
      //                ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return owners;
  }

  async cachedNames(ids: string[]) {
    const names = {};
    for (const id of ids) {
      names[id] = await this.cache.get(`account:${id}`);
      //                ^^^^^^^^^^^^^^ n-plus-one
    }
    return names;
  }

  async expire(tokens: string[]) {
    for (const token of tokens) {
      await this.sessions.del(`session:${token}`);
      //    ^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  /** Older code keeps the instance in a variable to reach it from callbacks with their own `this`. */
  async history(ids: string[]) {
    const self = this;
    const entries = [];
    for (const id of ids) {
      entries.push(await self.audit.findOne({ accountId: id }));
      //                 ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return entries;
  }

  async close() {
    this.cache = null;
    await this.sessions.quit();
  }
}

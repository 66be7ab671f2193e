import { createClient } from 'redis';
import { Kysely, PostgresDialect } from 'kysely';
import { MongoClient, type Collection } from 'mongodb';
import { Pool } from 'pg';

interface Database {
  person: { id: number; name: string };
}

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const mongo = new MongoClient(process.env.MONGO_URL ?? '');
const cache = createClient();

export async function names(ids: number[]) {
  const found = [];
  for (const id of ids) {
    found.push(await db.selectFrom('person').select('name').where('id', '=', id).executeTakeFirst());
//                   ^^^^^^^^^^^^^ n-plus-one
  }
  return found;
}

export async function rename(people: Array<{ id: number; name: string }>) {
  for (const person of people) {
    await db.updateTable('person').set({ name: person.name }).where('id', '=', person.id).execute();
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}

export function compiled(ids: number[]) {
  return ids.map((id) => db.selectFrom('person').where('id', '=', id).compile());
}

export async function profiles(userIds: string[]) {
  const profiles = mongo.db('app').collection('profiles');
  return Promise.all(userIds.map((userId) => profiles.findOne({ userId })));
//                                           ^^^^^^^^^^^^^^^^ n-plus-one
}

export async function archive(events: Collection<{ _id: string }>, ids: string[]) {
  for (const id of ids) await events.deleteOne({ _id: id });
//                            ^^^^^^^^^^^^^^^^ n-plus-one
}

export async function counters(keys: string[]) {
  const values = [];
  for (const key of keys) values.push(await cache.hGet('counters', key));
//                                          ^^^^^^^^^^ n-plus-one
  return values;
}

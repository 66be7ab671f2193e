// valid
import { MongoClient } from 'mongodb';

export async function createDb(url: string) {
  const client = await MongoClient.connect(url);
  return client.db();
}

import mongodb, { MongoClient } from 'mongodb';

interface Build {
  buildId: string;
  status: string;
}
interface Spec {
  buildId: string;
  file: string;
}

let db: mongodb.Db;

export async function connect(url: string): Promise<void> {
  const client = await MongoClient.connect(url);
  db = client.db();
}

function collectionOf<T extends mongodb.Document>(name: string) {
  return () => db.collection<T>(name);
}

export const Store = {
  builds: collectionOf<Build>('builds'),
  specs: collectionOf<Spec>('specs'),
  audits: () => db.collection('audits'),
};

// Names of the collections, not functions that make them: nothing to call.
export const CollectionNames = {
  builds: 'builds',
  specs: 'specs',
};

export async function buildsById(buildIds: string[]): Promise<Array<Build | null>> {
  const found = [];
  for (const buildId of buildIds) {
    found.push(await Store.builds().findOne({ buildId }));
//                   ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return found;
}

export async function specsOf(buildIds: string[]): Promise<Spec[]> {
  return Store.specs().find({ buildId: { $in: buildIds } }).toArray();
}

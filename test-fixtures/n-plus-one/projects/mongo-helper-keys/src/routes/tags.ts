import { MongoClient, ObjectId } from 'mongodb';

const accounts = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017').db('invites').collection('accounts');

export async function tagAccount(accountId: string, tags: string[]) {
  for (const tag of tags) {
    await accounts.updateOne({ _id: new ObjectId(accountId) }, { $addToSet: { tags: tag } });
//        ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function verifyAccounts(accountIds: string[]) {
  for (const accountId of accountIds) {
    await accounts.updateOne({ _id: new ObjectId(accountId) }, { $set: { verified: true } });
//        ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

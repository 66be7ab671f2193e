// valid
import { MongoClient, ObjectId } from 'mongodb';

const db = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017').db('invites');

export async function getAccount(id: string) {
  return db.collection('accounts').findOne({ _id: new ObjectId(id) });
}

export async function findAccountByEmail(email: string) {
  return db.collection('accounts').findOne({ email });
}

export async function findActiveAccount(email: string) {
  return db.collection('accounts').findOne({ email, deleted: false });
}

export async function findMembership(accountId: string, teamId: string) {
  return db.collection('memberships').findOne({ accountId, teamId });
}

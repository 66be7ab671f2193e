// valid
import mongoose from 'mongoose';

/** Marks that something of the organization changed, for clients polling for updates. */
export async function bumpRevision(orgId: string, scope: string) {
  await mongoose.connection.db.collection('revisions').updateOne({ orgId, scope }, { $inc: { revision: 1 } }, { upsert: true });
}

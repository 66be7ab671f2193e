// valid
import mongoose from 'mongoose';
import type { RevisionDoc } from 'core/types/revision';

const Revision = mongoose.model<RevisionDoc>('Revision', new mongoose.Schema({ orgId: String, scope: String, revision: Number }));

/** Marks that something of the organization changed, for clients polling for updates. */
export async function bumpRevision(orgId: string, scope: string) {
  await Revision.updateOne({ orgId, scope }, { $inc: { revision: 1 } }, { upsert: true });
}

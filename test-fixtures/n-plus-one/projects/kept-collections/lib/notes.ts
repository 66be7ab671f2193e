// valid
import type { Db, ObjectId } from 'mongodb';
import { getLabelMatcher, getLabelsCollection, getMembersCollection } from '../collections/notes';

export const loadNoteLabels = async (db: Db, note: { labels: ObjectId[] }) => {
  const labelsCollection = getLabelsCollection(db);
  const labels = await labelsCollection.find({ _id: { $in: note.labels } }).toArray();
  return note.labels.map((id) => labels.find((label) => label._id.equals(id)));
};

export async function loadNoteOwner(db: Db, note: { ownerId: ObjectId }) {
  const members = getMembersCollection(db);
  return members.findOne({ userId: note.ownerId });
}

export function matchLabel(db: Db, names: string[], wanted: string) {
  const matcher = getLabelMatcher(db);
  return matcher.find(names, wanted);
}

export async function noteOwner(db: Db, note: { ownerId: ObjectId }, withOwner?: boolean) {
  if (withOwner) return getMembersCollection(db).findOne({ userId: note.ownerId });
  return null;
}

import type { Db, ObjectId } from 'mongodb';
import { loadNoteLabels, loadNoteOwner, matchLabel, noteOwner } from '../lib/notes';

export async function listNotes(db: Db, notes: Array<{ _id: ObjectId; labels: ObjectId[]; ownerId: ObjectId }>) {
  const labelled = [];
  for (const note of notes) {
    labelled.push({ ...note, labels: await loadNoteLabels(db, note) });
//                                         ^^^^^^^^^^^^^^ n-plus-one
  }
  return Promise.all(labelled.map(async (note) => ({ ...note, owner: await loadNoteOwner(db, note) })));
//                                                                         ^^^^^^^^^^^^^ n-plus-one
}

// One note: one query, not one per item.
export async function showNote(db: Db, note: { labels: ObjectId[] }) {
  return loadNoteLabels(db, note);
}

// The helper's `find` is a local search, not a query.
export function pickLabels(db: Db, names: string[], wanted: string[]) {
  return wanted.map((name) => matchLabel(db, names, name));
}

// Owners asked for on every call, then not asked for at all.
export async function notesWithOwners(db: Db, notes: Array<{ ownerId: ObjectId }>) {
  const owners = [];
  for (const note of notes) owners.push(await noteOwner(db, note, true));
//                                            ^^^^^^^^^ n-plus-one
  return owners;
}

export function notesWithoutOwners(db: Db, notes: Array<{ ownerId: ObjectId }>) {
  return notes.map((note) => noteOwner(db, note));
}

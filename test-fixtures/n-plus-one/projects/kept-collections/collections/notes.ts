// valid
import type { Db, ObjectId } from 'mongodb';

export interface Label {
  _id: ObjectId;
  name: string;
}

export interface Member {
  _id: ObjectId;
  userId: ObjectId;
}

export const getLabelsCollection = (db: Db) => db.collection<Label>('labels');
export const getMembersCollection = (db: Db) => db.collection<Member>('members');

// Not a collection: an object of local helpers that happen to be called `find`.
export const getLabelMatcher = (db: Db) => ({
  database: db.databaseName,
  find: (names: string[], wanted: string) => names.find((name) => name === wanted),
});

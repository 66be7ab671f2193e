// valid
import mongoose from 'mongoose';
import type { Document } from 'mongodb';

export function getCollection<T extends Document>(name: string) {
  return mongoose.connection.db.collection<T>(name);
}

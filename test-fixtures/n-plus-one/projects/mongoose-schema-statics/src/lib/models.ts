// valid
import mongoose, { type Document, type Model, type Schema } from 'mongoose';

/** The model registered under a name, or one compiled from the schema (hot reloads and tests import models twice). */
export function getOrCreateModel<T, M>(name: string, schema: Schema): M & Model<T & Document> {
  if (mongoose.modelNames().includes(name)) return mongoose.model<T & Document, M & Model<T & Document>>(name);
  return mongoose.model<T & Document, M & Model<T & Document>>(name, schema);
}

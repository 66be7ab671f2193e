// valid
import mongoose from 'mongoose';
import type { Collection, Document } from 'mongodb';

export abstract class BaseModel<T extends Document & { id: string }> {
  private collection?: Collection<T>;

  protected abstract collectionName: string;

  protected rawCollection() {
    if (!this.collection) this.collection = mongoose.connection.db.collection<T>(this.collectionName);
    return this.collection;
  }

  public getById(id: string) {
    return this.rawCollection().findOne({ id } as never);
  }

  public async create(doc: T) {
    await this.rawCollection().insertOne(doc as never);
    return doc;
  }
}

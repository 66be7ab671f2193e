// valid
import mongoose from 'mongoose';
import type { Collection, Document, Filter } from 'mongodb';
import type { RequestContext } from '../context';

export abstract class BaseModel<T extends Document & { id: string }> {
  protected abstract readonly collectionName: string;

  constructor(protected readonly context: RequestContext) {}

  protected collection(): Collection<T> {
    return mongoose.connection.db.collection<T>(this.collectionName);
  }

  protected async _findOne(filter: Filter<T>) {
    const scoped = { ...filter, orgId: this.context.orgId } as Filter<T>;
    return this.context.readsFixtures() ? this.context.fixtureDoc<T>(this.collectionName, scoped) : await this.collection().findOne(scoped);
  }

  protected async _updateOne(id: string, changes: Partial<T>) {
    await this.collection().updateOne({ id, orgId: this.context.orgId } as Filter<T>, { $set: changes });
  }

  getById(id: string) {
    return this._findOne({ id } as Filter<T>);
  }
}

/** Makes the base of a model kept in one collection. */
export function defineModel<T extends Document & { id: string }>(collectionName: string) {
  abstract class CollectionModel extends BaseModel<T> {
    protected readonly collectionName = collectionName;
  }
  return CollectionModel;
}

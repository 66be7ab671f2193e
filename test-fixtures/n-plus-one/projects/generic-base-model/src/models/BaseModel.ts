// valid
import mongoose from 'mongoose';
import type { Collection, Document, Filter } from 'mongodb';
import type { RequestContext } from 'core/context';
import { bumpRevision } from 'core/models/revisions';
import { assertSlug } from 'core/util/slugs';

const ARCHIVE_URL = 'https://archive.internal/documents';

export interface ModelConfig {
  collectionName: string;
}

export abstract class BaseModel<T extends Document & { id: string }> {
  protected abstract readonly config: ModelConfig;

  private readonly loaded = new Map<string, T>();

  constructor(protected readonly context: RequestContext) {}

  getById(id: string) {
    return this._findOne({ id } as Filter<T>);
  }

  update(existing: T, changes: Partial<T>) {
    return this._updateOne(existing, changes);
  }

  archive(existing: T) {
    return this._archiveOne(existing);
  }

  async delete(existing: T) {
    await this._deleteOne(existing);
    return existing;
  }

  getLoaded(id: string) {
    return this.loaded.get(id);
  }

  validate(doc: T) {
    assertSlug(doc.id);
    return doc;
  }

  protected async beforeUpdate(_existing: T, _changes: Partial<T>) {}

  protected async _findOne(filter: Filter<T>) {
    const doc = await this._collection().findOne({ ...filter, orgId: this.context.orgId } as Filter<T>);
    if (doc) this.loaded.set(doc.id, doc as T);
    return doc;
  }

  protected async _updateOne(existing: T, changes: Partial<T>) {
    if (!this.context.canWrite()) throw new Error('Not allowed to update');
    await this.beforeUpdate(existing, changes);
    await this._collection().updateOne({ id: existing.id, orgId: this.context.orgId } as Filter<T>, { $set: changes });
    await bumpRevision(this.context.orgId, this.config.collectionName);
    return { ...existing, ...changes };
  }

  protected async _deleteOne(existing: T) {
    if (!this.context.canWrite()) throw new Error('Not allowed to delete');
    await this._collection().deleteOne({ id: existing.id, orgId: this.context.orgId } as Filter<T>);
    await bumpRevision(this.context.orgId, this.config.collectionName);
  }

  // Each call also hands the document to the archive service and waits for it.
  protected async _archiveOne(existing: T) {
    await this._collection().updateOne({ id: existing.id, orgId: this.context.orgId } as Filter<T>, { $set: { archived: true } } as never);
    await fetch(`${ARCHIVE_URL}/${this.config.collectionName}`, { method: 'POST', body: JSON.stringify(existing) });
  }

  protected _collection(): Collection<T> {
    return mongoose.connection.db.collection<T>(this.config.collectionName);
  }
}

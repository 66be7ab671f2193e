// valid
import type { DbConnection } from '../db';
import type { Models } from './factory';

export type ModelFactory = (db: DbConnection) => Models;

export default abstract class BaseModel<T> {
  private readonly db_: DbConnection;
  private readonly modelFactory_: ModelFactory;

  public constructor(db: DbConnection, modelFactory: ModelFactory) {
    this.db_ = db;
    this.modelFactory_ = modelFactory;
  }

  protected abstract get tableName(): string;

  protected get db(): DbConnection {
    return this.db_;
  }

  protected models(db: DbConnection | null = null): Models {
    return this.modelFactory_(db ?? this.db);
  }

  public async load(id: string): Promise<T | undefined> {
    return this.db(this.tableName).select('*').where({ id }).first();
  }
}

// valid
import type { DbConnection } from '../db';
import { DateFormatter } from './DateFormatter';
import ShareModel from './ShareModel';
import UserModel from './UserModel';

export class Models {
  private readonly db_: DbConnection;

  public constructor(db: DbConnection) {
    this.db_ = db;
  }

  private newModelFactory = (db: DbConnection): Models => new Models(db);

  public user() {
    return new UserModel(this.db_, this.newModelFactory);
  }

  public share() {
    return new ShareModel(this.db_, this.newModelFactory);
  }

  public formatter() {
    return new DateFormatter('en-GB');
  }
}

export default function modelFactory(db: DbConnection): Models {
  return new Models(db);
}

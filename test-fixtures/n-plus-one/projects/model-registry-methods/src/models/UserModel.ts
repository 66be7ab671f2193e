// valid
import BaseModel from './BaseModel';

export interface User {
  id: string;
  email: string;
}

export default class UserModel extends BaseModel<User> {
  protected get tableName(): string {
    return 'users';
  }

  public async loadByEmail(email: string): Promise<User | undefined> {
    return this.db(this.tableName).where({ email }).first();
  }
}

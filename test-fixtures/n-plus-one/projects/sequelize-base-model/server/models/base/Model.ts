// valid
import { Model as SequelizeModel } from 'sequelize-typescript';

export class Model extends SequelizeModel {
  get isNew() {
    return this.createdAt === this.updatedAt;
  }
}

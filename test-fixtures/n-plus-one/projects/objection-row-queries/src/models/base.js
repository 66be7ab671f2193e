// valid
import { Model, snakeCaseMappers } from 'objection';

class Base extends Model {
  static get columnNameMappers() {
    return snakeCaseMappers();
  }

  $beforeUpdate() {
    this.updatedAt = new Date().toISOString();
  }
}

export default Base;

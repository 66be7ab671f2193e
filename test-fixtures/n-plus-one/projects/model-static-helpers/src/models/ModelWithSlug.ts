// valid
import { Model } from 'sequelize';

export abstract class ModelWithSlug<T extends object, C extends object> extends Model<T, C> {
  declare slug: string;

  get path(): string {
    return `/${this.slug}`;
  }
}

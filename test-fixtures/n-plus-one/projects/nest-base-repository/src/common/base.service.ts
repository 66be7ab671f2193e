// valid
import { DeepPartial, FindOneOptions } from 'typeorm';
import { BaseRepository } from './base.repository';

export abstract class BaseService<T extends { id: string }> {
  protected constructor(protected readonly repository: BaseRepository<T>) {}

  findOne(options: FindOneOptions<T>): Promise<T | null> {
    return this.repository.findOne(options);
  }

  create(payload: DeepPartial<T>): Promise<T> {
    return this.repository.create(payload);
  }

  findOneOrCreate(options: FindOneOptions<T>, payload: DeepPartial<T>): Promise<T> {
    return this.repository.findOneOrCreate(options, payload);
  }

  deleteOne(options: FindOneOptions<T>): Promise<boolean> {
    return this.repository.deleteOne(options);
  }
}

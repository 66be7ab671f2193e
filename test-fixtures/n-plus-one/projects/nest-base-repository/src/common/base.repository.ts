// valid
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DeepPartial, FindOneOptions, Repository } from 'typeorm';

export abstract class BaseRepository<T extends { id: string }> {
  protected readonly events!: EventEmitter2;

  protected constructor(protected readonly repository: Repository<T>) {}

  async findOne(options: FindOneOptions<T>): Promise<T | null> {
    return (await this.repository.findOne(options)) ?? null;
  }

  async create(payload: DeepPartial<T>): Promise<T> {
    const entity = this.repository.create(payload);
    await this.notify('beforeCreate', entity);
    const saved = await this.repository.save(entity);
    await this.notify('afterCreate', saved);
    return saved;
  }

  async findOneOrCreate(options: FindOneOptions<T>, payload: DeepPartial<T>): Promise<T> {
    const existing = await this.findOne(options);
    if (existing) {
      return existing;
    }
    return await this.create(payload);
  }

  async deleteOne(options: FindOneOptions<T>): Promise<boolean> {
    const entity = await this.findOne(options);
    if (!entity) {
      return false;
    }
    await this.notify('beforeDelete', entity);
    await this.repository.remove(entity);
    return true;
  }

  protected async notify(action: string, entity: T): Promise<void> {
    await this.events.emitAsync(`entity:${this.repository.metadata.name}:${action}`, entity);
  }
}

// valid
import type { Repository } from 'typeorm';

export abstract class BaseRepository<T extends { id: string }> {
  constructor(protected readonly repository: Repository<T>) {}

  findById(id: string) {
    return this.repository.findOne({ where: { id } as never });
  }
}

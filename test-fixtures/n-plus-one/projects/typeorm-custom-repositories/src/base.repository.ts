// valid
import { Repository } from 'typeorm';

export class BaseRepository<Entity extends { id: number }> extends Repository<Entity> {
  async getById(id: number): Promise<Entity | undefined> {
    return this.findOne(id);
  }
}

// valid
import { BlockService } from './block.service';

export abstract class BlockTypeService<T> {
  abstract blockType: string;

  constructor(protected readonly blockService: BlockService) {}

  async findMany(args: { where: object }): Promise<T[]> {
    return this.blockService.findManyByBlockType<T>(args, this.blockType);
  }

  async delete(args: { where: { id: string } }, userId: string): Promise<unknown> {
    return await this.blockService.delete(args, userId);
  }

  async describe(block: T): Promise<string> {
    return `${this.blockType}: ${JSON.stringify(block)}`;
  }
}

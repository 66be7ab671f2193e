// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

@Injectable()
export class BlockService {
  constructor(private readonly prisma: PrismaService) {}

  async findManyByBlockType<T>(args: { where: object }, blockType: string): Promise<T[]> {
    const blocks = await this.prisma.block.findMany({ where: { ...args.where, blockType, deletedAt: null } });
    return blocks as T[];
  }

  async delete(args: { where: { id: string } }, userId: string) {
    return this.prisma.block.update({ where: args.where, data: { deletedAt: new Date(), deletedBy: userId } });
  }
}

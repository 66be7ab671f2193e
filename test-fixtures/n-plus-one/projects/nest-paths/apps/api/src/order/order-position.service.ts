import { Injectable } from '@nestjs/common';
import { PrismaService } from 'apps/api/src/prisma/prisma.service';

@Injectable()
export class OrderPositionService {
  constructor(private readonly prisma: PrismaService) {}

  async reorder(orderIds: string[]) {
    await this.prisma.$transaction(async (tx) => {
      await Promise.all(orderIds.map((id, index) => tx.order.update({ where: { id }, data: { position: index + 1 } })));
//                                                  ^^^^^^^^^^^^^^^ n-plus-one
    });
  }
}

// valid
import { prisma } from '../lib/prisma';

export class OrderArchive {
  async purgeLines(orderId: string) {
    const where = { orderId, archived: true };
    return prisma.orderLine.deleteMany({ where });
  }
}

// valid
import { prisma } from '../lib/prisma';

/** Everything happens in one transaction, so every call writes. */
export async function closeOrder(orderId: string) {
  return prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { closed: true } });
    await tx.audit.create({ data: { orderId } });
  });
}

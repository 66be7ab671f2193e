import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function main(orders: Array<{ id: number; customerId: number }>) {
  const rows = [];
  for (const order of orders) {
    const customer = await prisma.customer.findUnique({ where: { id: order.customerId }, include: { address: true } });
    console.log(order.id, customer?.name ?? 'unknown');
    rows.push({ order: order.id, customer });
  }
  return rows;
}

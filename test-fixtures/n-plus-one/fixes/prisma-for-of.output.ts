import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function main(orders: Array<{ id: number; customerId: number }>) {
  const rows = [];
  const customerRows = await prisma.customer.findMany({ where: { id: { in: orders.map((order) => order.customerId) } }, include: { address: true } });
  const customerById = new Map(customerRows.map((row) => [row.id, row]));
  for (const order of orders) {
    const customer = customerById.get(order.customerId) ?? null;
    console.log(order.id, customer?.name ?? 'unknown');
    rows.push({ order: order.id, customer });
  }
  return rows;
}

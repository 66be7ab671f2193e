import { prisma, redis } from '@acme/db';
import { cachedInvoiceTotal, formatTotal, invoiceTotal } from '@acme/lib/invoices/totals';

type Order = { id: string; customerId: string };

export async function orderReport(orders: Order[], cache: Map<string, number>) {
  const lines: string[] = [];
  for (const order of orders) {
    const total = await invoiceTotal(order.id);
//                      ^^^^^^^^^^^^ n-plus-one
    const cached = await cachedInvoiceTotal(order.id, cache);
    lines.push(`${order.id}: ${formatTotal(total)} (${cached})`);
  }
  return lines;
}

export async function archive(orders: Order[]) {
  await Promise.all(orders.map((order) => prisma.order.delete({ where: { id: order.id } })));
//                                        ^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function lastSeen(orders: Order[]) {
  const seen: Array<string | null> = [];
  for (const order of orders) seen.push(await redis().get(`seen:${order.customerId}`));
//                                            ^^^^^^^^^^^ n-plus-one
  return seen;
}

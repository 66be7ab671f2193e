// valid
import { prisma } from '@acme/db';

export async function invoiceTotal(orderId: string) {
  if (!orderId) throw new Error('an order id is required');
  const invoice = await prisma.invoice.findFirst({ where: { orderId }, select: { total: true } });
  return invoice?.total ?? 0;
}

export async function cachedInvoiceTotal(orderId: string, cache: Map<string, number>) {
  const cached = cache.get(orderId);
  if (cached !== undefined) return cached;
  return invoiceTotal(orderId);
}

export const formatTotal = (total: number) => `${(total / 100).toFixed(2)} EUR`;

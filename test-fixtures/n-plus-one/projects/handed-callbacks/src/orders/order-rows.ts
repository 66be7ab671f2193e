// valid
import { prisma } from '../db';

export interface OrderRow {
  id: string;
  total: number;
}

export async function saveOrderRow(row: OrderRow): Promise<void> {
  await prisma.order.create({ data: { id: row.id, total: row.total } });
}

export function formatRow(row: OrderRow): string {
  return `${row.id}: ${row.total.toFixed(2)}`;
}

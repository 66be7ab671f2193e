import pMap from 'p-map';
import { prisma } from '../db';
import { formatRow, saveOrderRow, type OrderRow } from './order-rows';

const REGIONS = ['eu', 'us'] as const;

async function markImported(row: OrderRow): Promise<void> {
  await prisma.order.update({ where: { id: row.id }, data: { importedAt: new Date() } });
}

async function refreshRegion(region: string): Promise<void> {
  await prisma.regionTotal.update({ where: { region }, data: { refreshedAt: new Date() } });
}

export async function importOrders(rows: OrderRow[]): Promise<string[]> {
  await Promise.all(rows.map(saveOrderRow));
//                           ^^^^^^^^^^^^ n-plus-one
  await pMap(rows, markImported, { concurrency: 4 });
//                 ^^^^^^^^^^^^ n-plus-one
  await Promise.all(REGIONS.map(refreshRegion));
  return rows.map(formatRow);
}

export class OrderSync {
  async loadRow(row: OrderRow) {
    return prisma.order.findUnique({ where: { id: row.id } });
  }

  async compare(rows: OrderRow[]) {
    const stored = await Promise.all(rows.map(this.loadRow.bind(this)));
//                                            ^^^^^^^^^^^^ n-plus-one
    return stored.filter(Boolean).length;
  }

  async compareUnbound(rows: OrderRow[]) {
    return Promise.all(rows.map(this.loadRow));
//                              ^^^^^^^^^^^^ n-plus-one
  }
}

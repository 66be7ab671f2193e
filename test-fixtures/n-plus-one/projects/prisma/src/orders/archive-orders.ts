import { OrderArchive } from './order-archive';

const archive = new OrderArchive();

export async function purgeArchivedLines(orderIds: string[]) {
  for (const orderId of orderIds) {
    await archive.purgeLines(orderId);
//        ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

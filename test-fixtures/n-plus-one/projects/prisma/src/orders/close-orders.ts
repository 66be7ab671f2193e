import { closeOrder } from './close-order';
import { storeAttachment } from './attachments';

export async function closeOrders(orderIds: string[]) {
  for (const orderId of orderIds) {
    await closeOrder(orderId);
//        ^^^^^^^^^^ n-plus-one
  }
}

export async function attach(orderId: string, uploads: Array<Parameters<typeof storeAttachment>[1]>) {
  for (const upload of uploads) {
    await storeAttachment(orderId, upload);
//  ^^^^^ await-in-loop
  }
}

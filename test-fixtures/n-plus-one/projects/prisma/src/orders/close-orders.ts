import { closeOrder } from './close-order';

export async function closeOrders(orderIds: string[]) {
  for (const orderId of orderIds) {
    await closeOrder(orderId);
//        ^^^^^^^^^^ n-plus-one
  }
}

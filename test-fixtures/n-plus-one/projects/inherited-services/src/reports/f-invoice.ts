import { orderLines } from './d-lines';

export async function invoiceLines(orderIds: string[]) {
  const all = [];
  for (const orderId of orderIds) {
    all.push(...(await orderLines(orderId)));
//                     ^^^^^^^^^^ n-plus-one
  }
  return all;
}

// valid
import { orderLines } from './d-lines';

export async function orderTotals(orderId: string) {
  const lines = await orderLines(orderId);
  return lines.length;
}

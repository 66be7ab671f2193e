// valid
import { readLines } from './e-read';

export async function orderLines(orderId: string) {
  return readLines(orderId);
}

// valid
import { orderTotals } from './c-orders';

export async function monthlyTotals(accountId: string) {
  const totals = await orderTotals(accountId);
  return [totals];
}

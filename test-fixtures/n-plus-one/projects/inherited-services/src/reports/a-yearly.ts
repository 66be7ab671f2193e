// valid
import { monthlyTotals } from './b-monthly';

export async function yearlyReport(accountId: string) {
  const months = await monthlyTotals(accountId);
  return months.reduce((sum, month) => sum + month, 0);
}

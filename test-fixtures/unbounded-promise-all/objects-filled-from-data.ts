// An object written with its keys has as many as the code wrote; one given keys taken from the data
// (`totals[row.userId] = ...`) has as many as the data has values.
type Payment = { userId: string; amount: number };

declare function refreshRate(code: string): Promise<void>;
declare function settle(userId: string, total: number): Promise<void>;

export async function refreshRates(): Promise<void> {
  const names = { usd: 'US dollar', eur: 'euro', gbp: 'pound sterling' };
  names.usd = 'United States dollar';
  await Promise.all(Object.keys(names).map((code) => refreshRate(code)));
}

export async function settleAll(payments: Payment[]): Promise<void> {
  const totals: Record<string, number> = {};
  for (const payment of payments) {
    totals[payment.userId] = (totals[payment.userId] ?? 0) + payment.amount;
  }
  await Promise.all(Object.entries(totals).map(([userId, total]) => settle(userId, total)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

/** Starts `mapper` on each item in order, at most `limit` at a time; returns one promise per item. */
function mapWithConcurrency<T, R>(items: readonly T[], limit: number, mapper: (item: T, index: number) => R | PromiseLike<R>): Promise<R>[] {
  const waiting: Array<() => void> = [];
  let running = 0;
  const promises = items.map((item, index) => new Promise<R>((resolve, reject) => {
    waiting.push(() => {
      running++;
      Promise.resolve().then(() => mapper(item, index)).then(resolve, reject).finally(() => {
        running--;
        waiting.shift()?.();
      });
    });
  }));
  while (running < limit && waiting.length > 0) waiting.shift()!();
  // Each error reaches the code that awaits its item; one never awaited must not end the process.
  for (const promise of promises) promise.catch(() => {});
  return promises;
}

interface Account {
  id: string;
  active: boolean;
  plan?: string;
}

declare function fetchInvoices(accountId: string): Promise<Array<{ total: number }>>;

export async function openTotals(accounts: Account[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  const accountsToProcess = accounts.filter((account) => account.active && !(account.plan === 'free'));
  const pendingInvoices = mapWithConcurrency(accountsToProcess, 8, (account) => fetchInvoices(account.id));
  for (const [index, account] of accountsToProcess.entries()) {
    const invoices = await pendingInvoices[index]!;
    totals.set(account.id, invoices.reduce((sum, invoice) => sum + invoice.total, 0));
  }
  return totals;
}

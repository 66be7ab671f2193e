/** Calls `mapper` on each item in order, at most `limit` at a time; one promise per item, whose error only its awaiter sees. */
function mapWithConcurrency<Items extends readonly unknown[], R>(items: Items, limit: number, mapper: (item: Items[number], index: number) => R | PromiseLike<R>): Promise<R>[] {
  const waiting: Array<() => void> = [];
  let running = 0;
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return items.map((item, index) => {
    const turn = running < limit ? (running++, Promise.resolve()) : new Promise<void>((start) => waiting.push(start));
    const result = turn.then(() => mapper(item, index));
    // The next item starts when this one settles; an error still reaches only the code that awaits this item.
    result.then(release, release);
    return result;
  });
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

interface Account {
  id: string;
  active: boolean;
  plan?: string;
}

declare function fetchInvoices(accountId: string): Promise<Array<{ total: number }>>;

export async function openTotals(accounts: Account[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const account of accounts) {
    if (!account.active) continue;
    if (account.plan === 'free') {
      continue;
    }
    const invoices = await fetchInvoices(account.id);
    totals.set(account.id, invoices.reduce((sum, invoice) => sum + invoice.total, 0));
  }
  return totals;
}

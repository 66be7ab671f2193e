// A loop that stops once it has run past its time budget leaves the rest of the items for the next run: it works through them
// one after another on purpose. A clock read only to time one item, with no exit, does not make it so.
declare function syncDay(day: string): Promise<number>;
declare function markSynced(day: string): Promise<void>;
declare function fetchInvoice(id: string): Promise<{ total: number }>;
declare function exportBatch(id: string): Promise<void>;

export async function syncWithinBudget(days: string[], maxRunMs: number): Promise<string[]> {
  const started = Date.now();
  const done: string[] = [];
  for (const day of days) {
    await syncDay(day);
    await markSynced(day);
    done.push(day);
    if (Date.now() - started > maxRunMs) break;
  }
  return done;
}

export async function exportUntilDeadline(ids: string[], deadline: number): Promise<number> {
  let exported = 0;
  for (const id of ids) {
    if (performance.now() > deadline) {
      return exported;
    }
    await exportBatch(id);
    exported++;
  }
  return exported;
}

export async function invoiceTotals(ids: string[]): Promise<number[]> {
  const totals: number[] = [];
  for (const id of ids) {
    const began = performance.now();
    const invoice = await fetchInvoice(id);
//                  ^^^^^ await-in-loop
    if (performance.now() - began > 1000) console.warn(`Invoice ${id} took more than a second`);
    totals.push(invoice.total);
  }
  return totals;
}

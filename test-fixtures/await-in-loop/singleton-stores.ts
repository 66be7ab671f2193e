// Adding to the one instance a class hands out (`ReminderQueue.getInstance()`) fills one store in order, as adding to a
// queue held in a variable does. Other calls through it, and adds to an instance a call makes each time, are reported.
interface Job {
  id?: string;
}

interface JobQueue {
  add(name: string, data: unknown, options?: { delay: number }): Promise<Job>;
  getJobCounts(name: string): Promise<Record<string, number>>;
}

declare class ReminderQueue {
  static getInstance(): JobQueue | null;
  static forTenant(tenantId: string): JobQueue;
}

export async function scheduleReminders(invoices: Array<{ id: string; dueAt: number }>): Promise<void> {
  for (const invoice of invoices) {
    if (invoice.dueAt > Date.now()) {
      await ReminderQueue.getInstance()?.add('invoice-reminder', { invoiceId: invoice.id }, { delay: invoice.dueAt - Date.now() });
    }
  }
}

export async function pendingCounts(names: string[]): Promise<number[]> {
  const counts: number[] = [];
  for (const name of names) {
    const byState = await ReminderQueue.getInstance()!.getJobCounts(name);
    //              ^^^^^ await-in-loop
    counts.push(byState.waiting ?? 0);
  }
  return counts;
}

export async function scheduleTenantReminders(invoices: Array<{ id: string; tenantId: string }>): Promise<void> {
  for (const invoice of invoices) {
    const job = await ReminderQueue.forTenant(invoice.tenantId).add('invoice-reminder', { invoiceId: invoice.id });
    //          ^^^^^ await-in-loop
    void job;
  }
}

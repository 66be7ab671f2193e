import pLimit from 'p-limit';

interface Invoice {
  id: string;
  total: number;
}

declare function fetchInvoice(id: string): Promise<Invoice>;

export async function printInvoices(ids: string[]): Promise<void> {
  const limit = pLimit(8);
  const pendingInvoices = ids.map((id) => limit(() => fetchInvoice(id)));
  pendingInvoices.forEach((promise) => promise.catch(() => {})); // each error reaches the loop when it awaits that item
  for (const [index, id] of ids.entries()) {
    const invoice = await pendingInvoices[index]!;
    console.log(`${invoice.id}: ${invoice.total}`);
  }
}

interface Invoice {
  id: string;
  total: number;
}

declare function fetchInvoice(id: string): Promise<Invoice>;

export async function printInvoices(ids: string[]): Promise<void> {
  for (const id of ids) {
    const invoice = await fetchInvoice(id);
    console.log(`${invoice.id}: ${invoice.total}`);
  }
}

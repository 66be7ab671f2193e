// An overloaded function runs its implementation: one that only shapes the row it is given waits for nothing,
// one that sends a request per row is still work.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

type Invoice = { id: string; total: number; customerEmail: string };
type InvoiceView = { id: string; total: number };

async function toView(invoice: Invoice, withEmail: true): Promise<InvoiceView & { email: string }>;
async function toView(invoice: Invoice, withEmail: false): Promise<InvoiceView>;
async function toView(invoice: Invoice, withEmail: boolean): Promise<InvoiceView & { email?: string }> {
  return { id: invoice.id, total: invoice.total, ...(withEmail ? { email: invoice.customerEmail } : {}) };
}

async function notify(invoice: Invoice, template: string): Promise<boolean>;
async function notify(invoice: Invoice): Promise<boolean>;
async function notify(invoice: Invoice, template = 'invoice-due'): Promise<boolean> {
  const response = await fetch('https://mail.example.com/send', { method: 'POST', body: JSON.stringify({ to: invoice.customerEmail, template }) });
  return response.ok;
}

export async function listInvoices() {
  const invoices = await prisma.invoice.findMany();
  const views = await Promise.all(invoices.map((invoice) => toView(invoice, false)));
  return views;
}

export async function remindAll() {
  const invoices = await prisma.invoice.findMany();
  const sent = await Promise.all(invoices.map((invoice) => notify(invoice)));
//                   ^^^^^^^^^^^ unbounded-promise-all
  return sent;
}

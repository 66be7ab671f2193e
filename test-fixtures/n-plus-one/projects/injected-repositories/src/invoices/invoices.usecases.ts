import type { CustomersRepository } from '../customers/customers.repository';
import { settle } from '../shared/settle';
import type { InvoicesRepository } from './invoices.repository';

export async function loadInvoices({ invoiceIds, invoicesRepository }: { invoiceIds: string[]; invoicesRepository: InvoicesRepository }) {
  const invoices = [];
  for (const invoiceId of invoiceIds) {
    const { invoice } = await invoicesRepository.getInvoiceById({ invoiceId });
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    invoices.push(invoice);
  }
  return invoices;
}

export async function payInvoices({ invoiceIds, invoicesRepository }: { invoiceIds: string[]; invoicesRepository: InvoicesRepository }) {
  await Promise.all(invoiceIds.map((invoiceId) => invoicesRepository.markInvoicePaid({ invoiceId, paidAt: new Date() })));
//                                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function loadInvoicesAtOnce({ invoiceIds, invoicesRepository }: { invoiceIds: string[]; invoicesRepository: InvoicesRepository }) {
  const { invoices } = await invoicesRepository.getInvoicesByIds({ invoiceIds });
  return invoices.map((invoice) => invoicesRepository.formatInvoiceNumber({ invoiceId: invoice.id }));
}

export async function renameCustomers({ names, customersRepository }: { names: Map<string, string>; customersRepository: CustomersRepository }) {
  for (const [customerId, name] of names) {
    await customersRepository.renameCustomer({ customerId, name });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function loadCustomers({ customerIds, customersRepository }: { customerIds: string[]; customersRepository: CustomersRepository }) {
  return Promise.all(customerIds.map(async (customerId) => (await customersRepository.getCustomerById({ customerId })).customer));
//                                                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function settleInvoices({ invoiceIds, invoicesRepository }: { invoiceIds: string[]; invoicesRepository: InvoicesRepository }) {
  const failed: string[] = [];
  for (const invoiceId of invoiceIds) {
    const [, error] = await settle(invoicesRepository.markInvoicePaid({ invoiceId, paidAt: new Date() }));
//                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (error) failed.push(invoiceId);
  }
  return failed;
}

export async function notifyCustomers(webhookUrls: string[]) {
  for (const url of webhookUrls) {
    const [, error] = await settle(fetch(url, { method: 'POST' }));
//                    ^^^^^ await-in-loop
    if (error) console.warn(`Could not notify ${url}`);
  }
}

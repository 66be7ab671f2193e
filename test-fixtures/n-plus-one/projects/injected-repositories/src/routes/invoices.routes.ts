import { createCustomersRepository } from '../customers/customers.repository';
import { db } from '../db/client';
import { createInvoicesRepository } from '../invoices/invoices.repository';

export async function handleReminders(invoiceIds: string[]) {
  const invoicesRepository = createInvoicesRepository({ db });
  const reminders = [];
  for (const invoiceId of invoiceIds) {
    const { invoice } = await invoicesRepository.getInvoiceById({ invoiceId });
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (invoice && !invoice.paidAt) reminders.push(invoice.customerId);
  }
  return reminders;
}

export async function handleRename(renames: Array<{ customerId: string; name: string }>) {
  const customersRepository = createCustomersRepository({ db });
  for (const { customerId, name } of renames) await customersRepository.renameCustomer({ customerId, name });
//                                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

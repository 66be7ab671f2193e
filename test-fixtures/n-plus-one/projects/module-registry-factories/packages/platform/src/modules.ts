// valid
import { configureInvoicesModule, type InvoicesModule } from '@ledger/billing';
import type { mongodb } from '@ledger/store';

export interface Modules {
  invoices: InvoicesModule;
}

export default async function initModules({ db }: { db: mongodb.Db }): Promise<Modules> {
  const invoices = await configureInvoicesModule({ db });
  return { invoices };
}

// valid
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { customersTable } from '../db/schema';
import { bindArgs } from '../shared/bind';

export type CustomersRepository = ReturnType<typeof createCustomersRepository>;

export const createCustomersRepository = ({ db }: { db: Database }) =>
  bindArgs(
    {
      getCustomerById: async ({ customerId, db }: { customerId: string; db: Database }) => {
        const [customer] = await db.select().from(customersTable).where(eq(customersTable.id, customerId));
        return { customer };
      },
      renameCustomer,
    },
    { db },
  );

async function renameCustomer({ customerId, name, db }: { customerId: string; name: string; db: Database }) {
  await db.update(customersTable).set({ name }).where(eq(customersTable.id, customerId));
}

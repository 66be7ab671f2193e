// valid
import { sql, type CommonQueryMethods } from 'slonik';

export const createInvoiceQueries = (pool: CommonQueryMethods) => {
  const findInvoiceById = async (id: string) => pool.one(sql`select * from invoices where id = ${id}`);

  const formatTotal = (cents: number) => `$${(cents / 100).toFixed(2)}`;

  return { findInvoiceById, formatTotal };
};

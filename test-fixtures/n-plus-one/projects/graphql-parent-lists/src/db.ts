// valid
import knex, { type Knex } from 'knex';

export const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

const regions = new Map<string, Knex>();

export function regionDb(regionId: string): Knex {
  return regions.get(regionId) ?? db;
}

export function paymentsIn(client: Knex) {
  return (invoiceId: string) => client('payments').where({ invoice_id: invoiceId });
}

import { ApolloServer } from '@apollo/server';
import type { Knex } from 'knex';
import { db, paymentsIn, regionDb } from '../db';
import { typeDefs } from './schema';

interface Order {
  id: string;
  customer_id: string;
}

interface Invoice {
  id: string;
  customer_id: string;
  region_id: string;
}

interface Refund {
  id: string;
  invoice_id: string;
}

interface Account {
  id: string;
}

interface PageArgs {
  limit?: number;
  cursor?: string;
}

const resolvers = {
  Query: {
    invoices: () => db('invoices').orderBy('created_at', 'desc').limit(50),
  },
  Order: {
    customer: (order: Order) => db('customers').where({ id: order.customer_id }).first(),
//                              ^^ n-plus-one
    lines: (order: Order, args: PageArgs) => pageOf(db('order_lines').where({ order_id: order.id }), args),
  },
  Invoice: {
    customer: (invoice: Invoice) => db('customers').where({ id: invoice.customer_id, region_id: invoice.region_id }).first(),
//                                  ^^ n-plus-one
    payments: async (invoice: Invoice, { limit = 20, cursor }: PageArgs) => {
      const [items, [{ total }]] = await Promise.all([
        pageOf(db('payments').where({ invoice_id: invoice.id }), { limit, cursor }),
        db('payments').where({ invoice_id: invoice.id }).count({ total: '*' }),
      ]);
      return { items, total };
    },
    paid: async (invoice: Invoice) => {
      const payments = await paymentsIn(regionDb(invoice.region_id))(invoice.id);
//                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      return payments.length > 0;
    },
  },
  Refund: {
    invoice: (refund: Refund) => db('invoices').where({ id: refund.invoice_id }).first(),
//                               ^^ n-plus-one
  },
  Account: {
    settings: (account: Account) => db('settings').where({ account_id: account.id }).first(),
    invoiceCount: (account: Account) => db('invoices').where({ account_id: account.id }).count(),
  },
};

function pageOf(query: Knex.QueryBuilder, { limit = 20, cursor }: PageArgs): Knex.QueryBuilder {
  return (cursor ? query.where('id', '>', cursor) : query).orderBy('id').limit(limit);
}

export const server = new ApolloServer({ typeDefs, resolvers });

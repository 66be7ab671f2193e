// valid
import gql from 'graphql-tag';

export const typeDefs = gql`
  type Query {
    orders(first: Int, after: String): OrderConnection!
    invoices: [Invoice!]!
    search(text: String!): [SearchHit!]!
    account: Account
  }
  type OrderConnection { edges: [OrderEdge!]!, hasNextPage: Boolean! }
  type OrderEdge { cursor: String!, node: Order! }
  type Order { id: ID!, customer: Customer!, lines(limit: Int, cursor: String): [OrderLine!]! }
  type OrderLine { id: ID!, sku: String! }
  type Customer { id: ID!, name: String! }
  type Invoice { id: ID!, customer: Customer!, payments: PaymentPage!, paid: Boolean! }
  type PaymentPage { items: [Payment!]!, total: Int! }
  type Payment { id: ID!, amount: Int! }
  type Refund { id: ID!, invoice: Invoice! }
  union SearchHit = Invoice | Refund
  type Account { id: ID!, settings: Settings, invoiceCount: Int! }
  type Settings { currency: String! }
`;

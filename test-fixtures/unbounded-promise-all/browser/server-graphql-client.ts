// A server that sends queries with Apollo Client's core (no hook imported) is not a page: every account it reads fans out.
import { ApolloClient, InMemoryCache, gql } from '@apollo/client';

const client = new ApolloClient({ uri: 'https://billing.example.com/graphql', cache: new InMemoryCache() });
const INVOICES = gql`
  query Invoices($accountId: ID!) {
    invoices(accountId: $accountId) {
      id
    }
  }
`;

export async function invoicesOf(accountIds: string[]): Promise<unknown[]> {
  return Promise.all(accountIds.map((accountId) => client.query({ query: INVOICES, variables: { accountId } })));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

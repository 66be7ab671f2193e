// valid: methods named like ORM queries on things that are not databases
import { ApolloClient, gql, InMemoryCache } from '@apollo/client';

const client = new ApolloClient({ uri: '/graphql', cache: new InMemoryCache() });
const USER = gql`query User($id: ID!) { user(id: $id) { name } }`;

class InMemoryRepository<T extends { id: string }> {
  private readonly rows = new Map<string, T>();
  findOne(id: string): T | undefined {
    return this.rows.get(id);
  }
  findMany(ids: string[]): T[] {
    return ids.flatMap((id) => this.rows.get(id) ?? []);
  }
  query(predicate: (row: T) => boolean): T[] {
    return [...this.rows.values()].filter(predicate);
  }
}

const repo = new InMemoryRepository<{ id: string; name: string }>();
const db = { user: { findUnique: (id: string) => ({ id }) } };
const cache = new Map<string, string>();

export function lookups(ids: string[]) {
  const names = ids.map((id) => repo.findOne(id)?.name ?? cache.get(id));
  for (const id of ids) {
    names.push(repo.query((row) => row.id === id)[0]?.name, db.user.findUnique(id).id, ids.find((other) => other === id));
  }
  return names;
}

export function graphqlUsers(ids: string[]) {
  return ids.map((id) => client.query({ query: USER, variables: { id } }));
}

// valid
import { Client } from '@elastic/elasticsearch';

export const elastic = new Client({ node: process.env.ELASTIC_URL, auth: { apiKey: process.env.ELASTIC_API_KEY ?? '' } });

export async function findPage<T>(id: string): Promise<T | undefined> {
  const response = await elastic.get<T>({ index: 'pages', id }, { ignore: [404] });
  return response._source;
}

export async function findPages<T>(ids: string[]): Promise<Array<T | undefined>> {
  const { docs } = await elastic.mget<T>({ index: 'pages', ids });
  return docs.map((doc) => ('_source' in doc ? doc._source : undefined));
}

// Elasticsearch and OpenSearch: every document request is one HTTP round trip; mget, msearch and bulk take many at once.
import { Client } from '@elastic/elasticsearch';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import elasticsearch from 'elasticsearch';

const search = new Client({ node: process.env.ELASTIC_URL });
const opensearch = new OpenSearchClient({ node: process.env.OPENSEARCH_URL });
const legacy = new elasticsearch.Client({ host: process.env.ELASTIC_HOST });

export async function articlesByIds(ids: string[]) {
  const articles = [];
  for (const id of ids) {
    const { _source } = await search.get({ index: 'articles', id });
    //                        ^^^^^^^^^^ n-plus-one
    articles.push(_source);
  }
  return articles;
}

export async function matchesPerTerm(terms: string[]) {
  return Promise.all(terms.map((term) => search.search({ index: 'articles', query: { match: { title: term } } })));
  //                                     ^^^^^^^^^^^^^ n-plus-one
}

export async function countsPerAuthor(authorIds: string[]) {
  const counts = new Map<string, number>();
  for (const authorId of authorIds) {
    const { body } = await opensearch.count({ index: 'posts', body: { query: { term: { authorId } } } });
    //                     ^^^^^^^^^^^^^^^^ n-plus-one
    counts.set(authorId, body.count);
  }
  return counts;
}

export async function indexProducts(products: Array<{ id: string; name: string }>) {
  for (const product of products) {
    await opensearch.index({ index: 'products', id: product.id, body: product });
    //    ^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function removeEntries(ids: string[]) {
  for (const id of ids) {
    await legacy.delete({ index: 'audit', type: '_doc', id });
    //    ^^^^^^^^^^^^^ n-plus-one
  }
}

export async function aliasesOf(indices: string[]) {
  const aliases = new Map<string, string[]>();
  for (const index of indices) {
    const response = await search.indices.getAlias({ index });
    //                     ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    aliases.set(index, Object.keys(response[index]?.aliases ?? {}));
  }
  return aliases;
}

// Making an index is no read of many: the loop's waits are await-in-loop's.
export async function ensureIndices(names: string[]) {
  for (const name of names) {
    if (!(await search.indices.exists({ index: name }))) await search.indices.create({ index: name });
    //    ^^^^^ await-in-loop
  }
}

export class TitleIndexer {
  constructor(private readonly client: Client) {}

  async retitle(documents: Array<{ id: string; title: string }>) {
    for (const document of documents) {
      await this.client.update({ index: 'documents', id: document.id, doc: { title: document.title } });
      //    ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

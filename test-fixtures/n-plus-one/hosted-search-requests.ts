// Meilisearch and Algolia: every call sends one HTTP request (a task for Meilisearch's writes); their plural forms take many.
import { MeiliSearch, type Index } from 'meilisearch';
import algoliasearch from 'algoliasearch';
import { algoliasearch as algoliaClient } from 'algoliasearch/lite';

const meili = new MeiliSearch({ host: process.env.MEILI_HOST ?? 'http://localhost:7700', apiKey: process.env.MEILI_KEY });
const movies = meili.index('movies');
const algolia = algoliasearch(process.env.ALGOLIA_APP_ID ?? '', process.env.ALGOLIA_ADMIN_KEY ?? '');
const products = algolia.initIndex('products');
const catalog = algoliaClient(process.env.ALGOLIA_APP_ID ?? '', process.env.ALGOLIA_SEARCH_KEY ?? '');

interface Movie {
  id: number;
  title: string;
}

export async function indexMovies(added: Movie[]) {
  for (const movie of added) {
    await movies.addDocuments([movie]);
    //    ^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function moviesByIds(ids: number[]) {
  return Promise.all(ids.map((id) => movies.getDocument<Movie>(id)));
  //                                 ^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function forgetMovies(index: Index<Movie>, ids: number[]) {
  for (const id of ids) {
    await index.deleteDocument(id);
    //    ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function retitleBooks(titles: Map<string, string>) {
  const books = await meili.getIndex('books');
  for (const [id, title] of titles) {
    await books.updateDocuments([{ id, title }]);
    //    ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function saveProducts(changed: Array<{ objectID: string; price: number }>) {
  for (const product of changed) {
    await products.saveObject(product);
    //    ^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function hitsPerQuery(queries: string[]) {
  const results = [];
  for (const query of queries) {
    const { hits } = await catalog.searchSingleIndex({ indexName: 'catalog', searchParams: { query } });
    //                     ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    results.push(hits);
  }
  return results;
}

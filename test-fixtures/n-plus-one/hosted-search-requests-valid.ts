// valid: Meilisearch's and Algolia's plural requests take every item at once, and a search of a list in memory sends nothing.
import { MeiliSearch } from 'meilisearch';
import algoliasearch from 'algoliasearch';

const meili = new MeiliSearch({ host: process.env.MEILI_HOST ?? 'http://localhost:7700' });
const products = algoliasearch(process.env.ALGOLIA_APP_ID ?? '', process.env.ALGOLIA_ADMIN_KEY ?? '').initIndex('products');

export async function indexMovies(added: Array<{ id: number; title: string }>) {
  await meili.index('movies').addDocuments(added.map((movie) => ({ ...movie, title: movie.title.trim() })));
}

export async function hitsPerQuery(queries: string[]) {
  const { results } = await meili.multiSearch({ queries: queries.map((q) => ({ indexUid: 'movies', q })) });
  return results;
}

export async function saveProducts(changed: Array<{ objectID: string; price: number }>) {
  await products.saveObjects(changed.map((product) => ({ ...product, updatedAt: Date.now() })));
}

const shelf = {
  titles: ['Dune', 'Arrival'],
  search(prefix: string) {
    return this.titles.filter((title) => title.startsWith(prefix));
  },
};

export function shelfMatches(prefixes: string[]) {
  return prefixes.map((prefix) => shelf.search(prefix));
}

// valid: an in-memory search is no request, batched requests take every item at once, and a page cursor depends on the last page.
import { Client } from '@elastic/elasticsearch';
import Fuse from 'fuse.js';

const client = new Client({ node: process.env.ELASTIC_URL });

interface Recipe {
  id: string;
  title: string;
}

export function suggestionsFor(recipes: Recipe[], queries: string[]) {
  const fuse = new Fuse(recipes, { keys: ['title'] });
  return queries.map((query) => fuse.search(query).slice(0, 5));
}

class TitleIndex {
  private readonly titles = new Map<string, Recipe>();

  get(id: string) {
    return this.titles.get(id);
  }

  search(prefix: string) {
    return [...this.titles.values()].filter((recipe) => recipe.title.startsWith(prefix));
  }
}

export function localMatches(index: TitleIndex, prefixes: string[]) {
  return prefixes.map((prefix) => ({ prefix, first: index.search(prefix)[0], again: index.get(prefix) }));
}

export async function recipesByIds(ids: string[]) {
  const { docs } = await client.mget<Recipe>({ index: 'recipes', ids });
  return docs;
}

export async function saveRecipes(recipes: Recipe[]) {
  await client.bulk({ operations: recipes.flatMap((recipe) => [{ index: { _index: 'recipes', _id: recipe.id } }, recipe]) });
}

export async function everyRecipe() {
  const recipes: Recipe[] = [];
  let after: unknown[] | undefined;
  for (;;) {
    const page = await client.search<Recipe>({ index: 'recipes', size: 500, sort: [{ id: 'asc' }], search_after: after });
    const hits = page.hits.hits;
    if (hits.length === 0) break;
    recipes.push(...hits.map((hit) => hit._source!));
    after = hits[hits.length - 1]!.sort;
  }
  return recipes;
}

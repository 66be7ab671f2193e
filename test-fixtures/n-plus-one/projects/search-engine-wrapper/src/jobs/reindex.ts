import { findPage, findPages } from '../search/client';
import { PageIndex, type Page } from '../search/page-index';

const pages = new PageIndex(process.env.OPENSEARCH_URL ?? 'http://localhost:9200');

export async function refreshTitles(ids: string[]) {
  const titles: string[] = [];
  for (const id of ids) {
    const page = await findPage<Page>(id);
    //                 ^^^^^^^^ n-plus-one
    if (page) titles.push(page.title);
  }
  return titles;
}

export async function republish(changed: Page[]) {
  for (const page of changed) {
    await pages.save({ ...page, title: page.title.trim() });
    //    ^^^^^^^^^^ n-plus-one
  }
}

export async function hitsPerTerm(terms: string[]) {
  return Promise.all(terms.map(async (term) => ({ term, hits: await pages.hitsFor(term) })));
  //                                                                ^^^^^^^^^^^^^ n-plus-one
}

export async function titlesAtOnce(ids: string[]) {
  const found = await findPages<Page>(ids);
  return found.map((page) => page?.title);
}

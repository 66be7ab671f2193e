import { canRead, fetchDraft, fetchPage, isPublished, loadPage, pageHeading, type Page, type Viewer } from '../content/pages';

/** The pages listed on the index: each read from disk, one after the other whatever Promise.all asks. */
export async function pageIndex(slugs: string[]): Promise<Page[]> {
  const pages = await Promise.all(
    slugs.map(async (slug) => {
      const page = await loadPage(slug);
      return page;
    }),
  );
  const headings = await Promise.all(slugs.map((slug) => pageHeading(slug)));
  console.log(headings.map((heading) => heading.title).join(', '));
  return pages.filter((page): page is Page => page !== null);
}

/** The same pages from the CMS: a request per slug, all at once. */
export async function remoteIndex(slugs: string[]): Promise<Page[]> {
  const drafts = await Promise.all(slugs.map((slug) => fetchDraft(slug)));
  //                   ^^^^^^^^^^^ unbounded-promise-all
  console.log(drafts.length);
  return Promise.all(slugs.map((slug) => fetchPage(slug)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

/** A sitemap built page by page. */
export async function sitemap(slugs: string[]): Promise<string[]> {
  const urls: string[] = [];
  for (const slug of slugs) {
    const page = await loadPage(slug);
    if (page) urls.push(page.url);
  }
  for (const slug of slugs) {
    const page = await fetchPage(slug);
    //           ^^^^^ await-in-loop
    urls.push(page.url);
  }
  return urls;
}

/** The pages a viewer may read, of those a listing loaded. */
export async function readable(pages: Array<Page & { editors: string[]; public: boolean }>, viewer: Viewer): Promise<Page[]> {
  const checks = await Promise.all(pages.map(async (page) => ({ page, allowed: await canRead(page, viewer) })));
  return checks.filter((check) => check.allowed).map((check) => check.page);
}

/** The pages still published: a request for each page that does not say. */
export async function published(pages: Array<Page & { published?: boolean }>): Promise<Page[]> {
  const flags = await Promise.all(pages.map((page) => isPublished(page)));
  //                  ^^^^^^^^^^^ unbounded-promise-all
  return pages.filter((_, index) => flags[index]);
}

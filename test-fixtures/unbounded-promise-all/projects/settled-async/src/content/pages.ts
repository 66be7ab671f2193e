import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Page {
  slug: string;
  title: string;
  url: string;
}

const contentDir = join(process.cwd(), 'content', 'pages');

/** One page's JSON, read from disk: synchronous work behind an async signature. */
export async function loadPage(slug: string): Promise<Page | null> {
  try {
    const raw = readFileSync(join(contentDir, `${slug}.json`), 'utf8');
//              ^^^^^^^^^^^^ sync-io-in-async
    const data = JSON.parse(raw) as Omit<Page, 'url'>;
    return { ...data, url: `/pages/${slug}` };
  } catch {
    return null;
  }
}

/** A page's heading, computed from its slug. */
export const pageHeading = async (slug: string): Promise<{ slug: string; title: string }> => {
  const words = slug.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1));
  return { slug, title: words.join(' ') };
};

/** One page from the CMS: a request per call. */
export async function fetchPage(slug: string): Promise<Page> {
  const response = await fetch(`https://cms.example.com/pages/${slug}`);
  return (await response.json()) as Page;
}

/** The CMS's copy of a page, handed back as the request's own promise. */
export async function fetchDraft(slug: string): Promise<Page> {
  return fetch(`https://cms.example.com/drafts/${slug}`).then((response) => response.json() as Promise<Page>);
}

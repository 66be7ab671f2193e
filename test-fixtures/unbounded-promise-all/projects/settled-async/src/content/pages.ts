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

export interface Viewer {
  id: string;
  roles: string[];
}

/** Whether a viewer may read a page: checks of the page and the viewer in hand, async only to fit the access hooks. */
export const canRead = async (page: Page & { editors: string[]; public: boolean }, viewer?: Viewer) => {
  if (page.public) return true;
  if (!viewer) return false;
  return (
    viewer.roles.includes('admin') ||
    page.editors.some((editor) => editor.toLowerCase() === viewer.id.toLowerCase())
  );
};

/** Whether a page is still published, asked of the CMS unless the page says so itself. */
export const isPublished = async (page: Page & { published?: boolean }) => {
  return (
    page.published ??
    fetch(`https://cms.example.com/status/${page.slug}`).then((response) => response.ok)
  );
};

// Next.js data functions that run when the site is built: their loops keep no visitor waiting.
declare function fetchLocales(): Promise<string[]>;
declare function fetchPosts(locale: string): Promise<Array<{ slug: string }>>;
declare function fetchPost(slug: string): Promise<{ title: string }>;

export async function generateStaticParams() {
  const params: Array<{ locale: string; slug: string }> = [];
  for (const locale of await fetchLocales()) {
    for (const post of await fetchPosts(locale)) params.push({ locale, slug: post.slug });
  }
  return params;
}

export default async function Page({ params }: { params: { slugs: string[] } }) {
  const titles: string[] = [];
  for (const slug of params.slugs) {
    titles.push((await fetchPost(slug)).title);
//               ^^^^^ await-in-loop
  }
  return titles.join(', ');
}

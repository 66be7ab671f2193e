// valid: a page that opts out of rendering per request (Next.js's dynamic setting; Astro's and SvelteKit's prerender alike).
declare function loadChangelog(version: string): Promise<string>;
declare function listVersions(): Promise<string[]>;

export const dynamic = 'force-static';

export default async function ChangelogPage() {
  const versions = await listVersions();
  const entries = await Promise.all(versions.map((version) => loadChangelog(version)));
  return <main>{entries.join('')}</main>;
}

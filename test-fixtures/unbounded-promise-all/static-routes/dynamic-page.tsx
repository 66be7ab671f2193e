// Rendered on every request: the setting says so, and every version's changelog is loaded at once.
declare function loadChangelog(version: string): Promise<string>;
declare function listVersions(): Promise<string[]>;

export const dynamic = 'force-dynamic';

export default async function ChangelogPage() {
  const versions = await listVersions();
  const entries = await Promise.all(versions.map((version) => loadChangelog(version)));
  //                    ^^^^^^^^^^^ unbounded-promise-all
  return <main>{entries.join('')}</main>;
}

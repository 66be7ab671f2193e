import { corePackages, reportedVersions } from './packages';

declare function readPackageVersion(name: string): Promise<string | undefined>;

export async function installedVersions(): Promise<Record<string, string | undefined>> {
  const versions: Record<string, string | undefined> = {};
  for (const name of corePackages) {
    versions[name] = await readPackageVersion(name);
  }
  return versions;
}

export async function checkReported(): Promise<number> {
  let missing = 0;
  for (const name of reportedVersions) {
    if (!(await readPackageVersion(name))) missing++;
    //    ^^^^^ await-in-loop
  }
  return missing;
}

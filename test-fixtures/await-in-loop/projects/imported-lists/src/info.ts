import { corePackages, pinnedRegistries, registries, reportedVersions } from './packages';

declare function readPackageVersion(name: string): Promise<string | undefined>;
declare function ping(url: string): Promise<boolean>;

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

export async function reachableRegistries(): Promise<string[]> {
  const reachable: string[] = [];
  for (const name of Object.keys(registries)) {
    if (await ping(registries[name as keyof typeof registries])) reachable.push(name);
  }
  for (const name of Object.keys(pinnedRegistries)) {
    if (await ping(pinnedRegistries[name]!)) reachable.push(name);
    //  ^^^^^ await-in-loop
  }
  return reachable;
}

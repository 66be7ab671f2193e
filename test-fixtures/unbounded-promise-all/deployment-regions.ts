// A check sent to each region a monitor runs in goes out to all of them at once by design: a deployment
// runs in a few regions, and a project in a few environments. A task per region of every monitor still
// grows with the monitors.
import { db, monitorTable } from './db';

type Monitor = { id: string; url: string; regions: string[] };

declare function checkerUrl(monitor: Monitor): string;
declare function enqueueCheck(monitor: Monitor, region: string): Promise<void>;

export async function triggerMonitor(monitor: Monitor): Promise<void> {
  await Promise.all(
    monitor.regions.map((region) =>
      fetch(checkerUrl(monitor), { method: 'POST', headers: { 'x-prefer-region': region } }),
    ),
  );
}

export async function runCheck(input: { url: string; regions: string[]; runCount: number }): Promise<PromiseSettledResult<Response>[]> {
  const results: PromiseSettledResult<Response>[] = [];
  for (let run = 0; run < input.runCount; run++) {
    const pending: Promise<Response>[] = [];
    for (const region of input.regions) {
      pending.push(fetch(`https://checker.example.com/ping/${region}`, { method: 'POST', body: input.url }));
    }
    results.push(...(await Promise.allSettled(pending)));
  }
  return results;
}

export async function scheduleAll(): Promise<void> {
  const monitors: Monitor[] = await db.select().from(monitorTable).all();
  const scheduled: Promise<void>[] = [];
  for (const monitor of monitors) {
    for (const region of monitor.regions) {
      scheduled.push(enqueueCheck(monitor, region));
    }
  }
  await Promise.allSettled(scheduled);
  //    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
}

export async function pingEndpoints(endpoints: string[]): Promise<void> {
  await Promise.all(endpoints.map((endpoint) => fetch(endpoint)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

declare function purgePrefix(prefix: string): Promise<void>;

/** A workspace's environments (development, production) are as few as its regions. */
export async function purgeWorkspaceFiles(workspaceId: string, environmentIds: string[]): Promise<void> {
  await Promise.all([purgePrefix(workspaceId), ...environmentIds.map((environmentId) => purgePrefix(environmentId))]);
}

/** Its members are as many as join it. */
export async function purgeMemberFiles(memberIds: string[]): Promise<void> {
  await Promise.all(memberIds.map((memberId) => purgePrefix(memberId)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

type FeatureEnvironment = { featureName: string; environment: string; segments: string[] };
declare function copySegment(environment: string, segment: string): Promise<void>;
declare function saveVariants(entry: FeatureEnvironment): Promise<void>;

/** Few environments, but every segment of each: as many calls as the segments. */
export async function cloneSegments(environments: FeatureEnvironment[]): Promise<void> {
  await Promise.all(environments.flatMap((environment) => environment.segments.map((segment) => copySegment(environment.environment, segment))));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

/** An entry per feature and environment is as many as the features. */
export async function importVariants(featureEnvironments: FeatureEnvironment[]): Promise<void> {
  await Promise.all(featureEnvironments.map((entry) => saveVariants(entry)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

interface ClusterNode {
  scan(cursor: string): Promise<[string, string[]]>;
}

export async function scanEveryMaster(cluster: { nodes(role: 'master' | 'slave' | 'all'): ClusterNode[] }) {
  return Promise.all(cluster.nodes('master').map((node) => node.scan('0')));
}

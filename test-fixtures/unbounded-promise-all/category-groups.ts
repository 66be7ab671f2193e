// Items sorted into groups by a field that names their kind (a channel type, a status) make a few
// groups: one call per group is bounded. Groups by a user or a team are as many as the users.
import { groupBy } from 'lodash';

type Subscription = { id: string; userId: string; channelType: 'email' | 'webhook' | 'slack'; target: string };
type Job = { id: string; teamId: string; kind: 'export' | 'import' };

declare function sendThrough(channelType: string, subscriptions: Subscription[]): Promise<void>;
declare function runJobs(key: string, jobs: Job[]): Promise<void>;

export async function dispatch(subscriptions: Subscription[]): Promise<void> {
  const byChannel = subscriptions.reduce(
    (groups, subscription) => {
      (groups[subscription.channelType] ??= []).push(subscription);
      return groups;
    },
    {} as Record<string, Subscription[]>,
  );
  await Promise.allSettled(Object.entries(byChannel).map(([channelType, subs]) => sendThrough(channelType, subs)));
}

export async function runByKind(jobs: Job[]): Promise<void> {
  const byKind = groupBy(jobs, (job) => job.kind);
  await Promise.all(Object.keys(byKind).map((kind) => runJobs(kind, byKind[kind] ?? [])));
}

export async function notifyUsers(subscriptions: Subscription[]): Promise<void> {
  const byUser = subscriptions.reduce(
    (groups, subscription) => {
      (groups[subscription.userId] ??= []).push(subscription);
      return groups;
    },
    {} as Record<string, Subscription[]>,
  );
  await Promise.allSettled(Object.entries(byUser).map(([userId, subs]) => sendThrough(userId, subs)));
  //    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
}

export async function runByTeam(jobs: Job[]): Promise<void> {
  const byTeam = groupBy(jobs, 'teamId');
  await Promise.all(Object.keys(byTeam).map((teamId) => runJobs(teamId, byTeam[teamId] ?? [])));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

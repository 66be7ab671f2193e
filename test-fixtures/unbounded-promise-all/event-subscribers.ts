// An event delivered to each endpoint registered for it (webhooks, notification channels): as many as the owner
// registered, each call to its own endpoint. Lists named for other things are still reported, whoever owns them.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Webhook {
  url: string;
  secret: string;
  events: string[];
}

declare function signPayload(secret: string, body: string): string;
declare function listUserWebhooks(userId: string): Promise<Webhook[]>;
declare function listWorkspaceWebhooks(workspaceId: number): Promise<Webhook[]>;
declare function fetchFeed(url: string): Promise<string>;
declare function sendMail(to: string, subject: string): Promise<void>;

export async function deliverToWebhooks(userId: string, operation: string, body: string): Promise<void> {
  const webhooks = await listUserWebhooks(userId);
  const matchingWebhooks = webhooks.filter((webhook) => webhook.events.includes(operation));
  await Promise.allSettled(
    matchingWebhooks.map((webhook) =>
      fetch(webhook.url, { method: 'POST', body, headers: { 'x-signature': signPayload(webhook.secret, body) } }),
    ),
  );
}

/** The deliveries made from a list held by `const`s: they are still the workspace's webhooks. */
export async function deliverForEvent(workspaceId: number, event: string, body: string): Promise<void> {
  const allWebhooks = await listWorkspaceWebhooks(workspaceId);
  const forEvent = allWebhooks.filter((webhook) => webhook.events.includes(event));
  const deliveries = forEvent.map((webhook) => fetch(webhook.url, { method: 'POST', body }));
  await Promise.allSettled(deliveries);
}

export async function publishToHooks(hooks: Webhook[], body: string): Promise<void> {
  await Promise.all(hooks.map((hook) => fetch(hook.url, { method: 'POST', body })));
}

export async function notifyChannels(teamId: string, text: string): Promise<void> {
  const notificationChannels = await prisma.notificationChannel.findMany({ where: { teamId, active: true } });
  await Promise.all(notificationChannels.map((channel) => fetch(channel.webhookUrl, { method: 'POST', body: text })));
}

export async function postToSlack(slackChannels: string[], webhookUrl: string, text: string): Promise<void> {
  const requests: Promise<Response>[] = [];
  for (const channel of slackChannels) {
    requests.push(fetch(webhookUrl, { method: 'POST', body: JSON.stringify({ channel, text }) }));
  }
  await Promise.all(requests);
}

/** Every feed every user subscribed to: grows with the users. */
export async function pollFeeds(): Promise<void> {
  const feedSubscriptions = await prisma.feedSubscription.findMany({ where: { active: true } });
  await Promise.all(feedSubscriptions.map((subscription) => fetchFeed(subscription.url)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

/** One e-mail per member of an organization: as many as it has members. */
export async function mailMembers(organizationId: string, subject: string): Promise<void> {
  const members = await prisma.membership.findMany({ where: { organizationId }, include: { user: true } });
  await Promise.all(members.map((member) => sendMail(member.user.email, subject)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

/** Feeds held by `const`s through a filter are still every user's feeds. */
export async function pollActiveFeeds(): Promise<void> {
  const allFeeds = await prisma.feedSubscription.findMany({ where: { active: true } });
  const withUrl = allFeeds.filter((feed) => feed.url.length > 0);
  const polls = withUrl.map((feed) => fetchFeed(feed.url));
  await Promise.all(polls);
  //    ^^^^^^^^^^^ unbounded-promise-all
}

// What one account has connected or set up (its calendar connections, messaging channels, integrations), read by the
// account's key, holds a few rows: calling each at once is bounded. The same tables read for many accounts, or an
// account's data (its messages), are as long as the data grows, and are reported.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface CalendarEvent {
  title: string;
  start: Date;
}

declare function fetchEvents(connection: { id: string; accessToken: string | null }): Promise<CalendarEvent[]>;
declare function postToChannel(channelId: string, text: string): Promise<void>;
declare function archive(messageId: string): Promise<void>;

export async function upcomingEvents(emailAccountId: string): Promise<CalendarEvent[]> {
  const connections = await prisma.calendarConnection.findMany({
    where: { emailAccountId, isConnected: true },
    select: { id: true, accessToken: true },
  });
  const perConnection = await Promise.all(connections.map((connection) => fetchEvents(connection)));
  return perConnection.flat();
}

export async function sendDigest(emailAccountId: string, text: string): Promise<void> {
  const channels = await prisma.messagingChannel.findMany({ where: { emailAccountId, isConnected: true } });
  const deliveries: Promise<void>[] = [];
  for (const channel of channels.filter((item) => item.provider === 'slack')) {
    deliveries.push(postToChannel(channel.id, text));
  }
  await Promise.allSettled(deliveries);
}

export async function refreshAllCalendars(emailAccountIds: string[]): Promise<void> {
  const connections = await prisma.calendarConnection.findMany({ where: { emailAccountId: { in: emailAccountIds } } });
  await Promise.all(connections.map((connection) => fetchEvents(connection)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function broadcast(text: string): Promise<void> {
  const channels = await prisma.messagingChannel.findMany({ where: { isConnected: true } });
  await Promise.all(channels.map((channel) => postToChannel(channel.id, text)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function archiveInbox(emailAccountId: string): Promise<void> {
  const messages = await prisma.message.findMany({ where: { emailAccountId } });
  await Promise.all(messages.map((message) => archive(message.id)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

/** The channels one account connected, handed back one for one by a helper. */
async function connectedChannels(emailAccountId: string) {
  const channels = await prisma.messagingChannel.findMany({ where: { emailAccountId } });
  return channels.filter((channel) => channel.isConnected);
}

/** Each account's first channel, for every account: as many as there are accounts. */
async function firstChannels() {
  const channels = await prisma.messagingChannel.findMany({ where: { isConnected: true }, distinct: ['emailAccountId'] });
  return channels;
}

export async function announce(emailAccountId: string, text: string): Promise<void> {
  const channels = await connectedChannels(emailAccountId);
  await Promise.all(channels.map((channel) => postToChannel(channel.id, text)));
}

export async function announceEverywhere(text: string): Promise<void> {
  const channels = await firstChannels();
  await Promise.all(channels.map((channel) => postToChannel(channel.id, text)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

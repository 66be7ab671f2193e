// valid
import { db } from './db';

export interface CalendarProvider {
  connectionId: string;
  listEvents(from: Date, to: Date): Promise<string[]>;
}

declare function googleProvider(connection: { id: string; accessToken: string | null }): CalendarProvider;
declare function outlookProvider(connection: { id: string; accessToken: string | null }): CalendarProvider;

/** One provider for each calendar the account has connected. */
export async function providersForAccount(accountId: string): Promise<CalendarProvider[]> {
  const connections = await db.calendarConnection.findMany({ where: { accountId, connected: true } });
  if (connections.length === 0) return [];
  const providers: CalendarProvider[] = [];
  for (const connection of connections) {
    if (!connection.accessToken) continue;
    if (connection.kind === 'google') providers.push(googleProvider(connection));
    else providers.push(outlookProvider(connection));
  }
  return providers;
}

/** The connected calendars of one account, as rows. */
export async function accountCalendars(accountId: string) {
  const rows = await db.calendarConnection.findMany({ where: { accountId } });
  return rows.filter((row) => row.connected);
}

/** Every connected calendar of every account. */
export async function allProviders(): Promise<CalendarProvider[]> {
  const connections = await db.calendarConnection.findMany({ where: { connected: true } });
  return connections.map((connection) => googleProvider(connection));
}

/** Providers of the account's calendars, one for each shared calendar of each: as many as the shares. */
export async function sharedProviders(accountId: string): Promise<CalendarProvider[]> {
  const connections = await db.calendarConnection.findMany({ where: { accountId }, include: { shares: true } });
  const providers: CalendarProvider[] = [];
  for (const connection of connections) {
    for (const share of connection.shares) providers.push(googleProvider(share));
  }
  return providers;
}

/** What the account has received: its data, as long as it grows. */
export async function accountInvites(accountId: string) {
  const invites = await db.invite.findMany({ where: { accountId } });
  return invites;
}

import { accountCalendars, accountInvites, allProviders, providersForAccount, sharedProviders } from '../calendar/providers';

declare function fetchEvents(calendarId: string): Promise<string[]>;
declare function answerInvite(inviteId: string): Promise<void>;

export async function upcoming(accountId: string, from: Date, to: Date): Promise<string[]> {
  const providers = await providersForAccount(accountId);
  const results = await Promise.allSettled(providers.map((provider) => provider.listEvents(from, to)));
  return results.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
}

export async function calendarEvents(accountId: string): Promise<string[][]> {
  return Promise.all((await accountCalendars(accountId)).map((calendar) => fetchEvents(calendar.id)));
}

export async function refreshEverything(from: Date, to: Date): Promise<void> {
  const providers = await allProviders();
  await Promise.all(providers.map((provider) => provider.listEvents(from, to)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function sharedEvents(accountId: string, from: Date, to: Date): Promise<void> {
  const providers = await sharedProviders(accountId);
  await Promise.all(providers.map((provider) => provider.listEvents(from, to)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function answerAll(accountId: string): Promise<void> {
  const invites = await accountInvites(accountId);
  await Promise.all(invites.map((invite) => answerInvite(invite.id)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

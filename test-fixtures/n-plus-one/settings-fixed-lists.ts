// Settings forms that act on the channels the code lists: as many queries as the author wrote channels, or one per user's item.
import { PrismaClient, type ChannelKind } from '@prisma/client';

const prisma = new PrismaClient();

interface ChannelInput {
  email?: string | null;
  slack?: string | null;
  sms?: string | null;
  webhook?: string | null;
  discord?: string | null;
  teams?: string | null;
}

export async function saveNotificationChannels(userId: string, input: ChannelInput) {
  const channels: Array<{ kind: ChannelKind; target: string | null | undefined }> = [
    { kind: 'email', target: input.email },
    { kind: 'slack', target: input.slack },
    { kind: 'sms', target: input.sms },
    { kind: 'webhook', target: input.webhook },
    { kind: 'discord', target: input.discord },
    { kind: 'teams', target: input.teams },
  ];

  const toRemove: ChannelKind[] = [];
  const toSave: Array<{ kind: ChannelKind; target: string }> = [];
  for (const { kind, target } of channels) {
    if (target === null) toRemove.push(kind);
    else if (target !== undefined) toSave.push({ kind, target });
  }

  await Promise.all([
    ...toRemove.map((kind) => prisma.notificationChannel.delete({ where: { userId_kind: { userId, kind } } })),
    ...toSave.map(({ kind, target }) =>
      prisma.notificationChannel.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, target },
        update: { target },
      }),
    ),
  ]);
}

export async function muteChannels(userId: string, mutedKinds: ChannelKind[]) {
  const toMute: ChannelKind[] = [];
  for (const kind of mutedKinds) toMute.push(kind);
  for (const kind of toMute) {
    await prisma.notificationChannel.update({ where: { userId_kind: { userId, kind } }, data: { muted: true } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function resendInvites(teamId: string, invites: Array<{ email: string }>) {
  const pending: string[] = [];
  for (const invite of invites) pending.push(invite.email);
  await Promise.all(pending.map((email) => prisma.invite.update({ where: { teamId_email: { teamId, email } }, data: { sentAt: new Date() } })));
//                                         ^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function archiveChannels(userId: string, channels: ChannelInput) {
  const kinds: ChannelKind[] = [];
  collectConfigured(channels, kinds);
  for (const kind of kinds) await prisma.notificationChannel.update({ where: { userId_kind: { userId, kind } }, data: { archived: true } });
//                                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

function collectConfigured(channels: ChannelInput, kinds: ChannelKind[]) {
  for (const kind of Object.keys(channels)) kinds.push(kind as ChannelKind);
}

export async function addMembers(teamId: string, invited: Array<{ email: string }>, owners: Array<{ email: string }>) {
  const everyone = [...invited, ...owners];
  await Promise.all(everyone.map(({ email }) => prisma.member.create({ data: { teamId, email } })));
//                                              ^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

const ALERT_RULES = [
  { type: 'velocity', configurable: true },
  { type: 'duplicate-payout', configurable: true },
  { type: 'self-referral', configurable: false },
] as const;

type AlertRuleType = (typeof ALERT_RULES)[number]['type'];

export async function saveAlertRules(teamId: string, input: Partial<Record<AlertRuleType, { enabled: boolean }>>) {
  const changed = ALERT_RULES.filter((rule) => rule.configurable)
    .map(({ type }) => ({ type, setting: input[type] }))
    .filter((rule) => rule.setting);
  for (const { type, setting } of changed) {
    const enabled = setting?.enabled ?? false;
    await prisma.alertRule.upsert({ where: { teamId_type: { teamId, type } }, create: { teamId, type, enabled }, update: { enabled } });
  }
}

export async function enableAlertRules(teamId: string, rules: Array<{ type: AlertRuleType; enabled: boolean }>) {
  const enabled = rules.filter((rule) => rule.enabled).map(({ type }) => type);
  for (const type of enabled) await prisma.alertRule.update({ where: { teamId_type: { teamId, type } }, data: { enabled: true } });
//                                  ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

const DEFAULT_ROLES = ['viewer', 'editor'];

export async function createTeamRoles(teamId: string) {
  for (const name of [...DEFAULT_ROLES, 'owner']) await prisma.role.create({ data: { teamId, name } });
}

export async function createRoles(teamId: string, extraRoles: string[]) {
  for (const name of [...DEFAULT_ROLES, ...extraRoles]) await prisma.role.create({ data: { teamId, name } });
//                                                            ^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function saveProfileLinks(userId: string, profile: { website?: string; github?: string; mastodon?: string }) {
  const links = { website: profile.website, github: profile.github, mastodon: profile.mastodon };
  const given = Object.entries(links).filter(([, url]) => url);
  await Promise.all(given.map(([kind, url]) => prisma.profileLink.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, url }, update: { url } })));
}

export async function saveExtraLinks(userId: string, profile: { website?: string }, extra: Record<string, string>) {
  const links = { website: profile.website, ...extra };
  await Promise.all(Object.entries(links).map(([kind, url]) => prisma.profileLink.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, url }, update: { url } })));
//                                                             ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

type DigestWindow = 'daily' | 'weekly' | 'monthly';
const DEFAULT_DIGEST_WINDOWS: DigestWindow[] = ['daily', 'weekly'];

export async function closeStaleDigests(userId: string, plan: { windows?: DigestWindow[] }, fallback: DigestWindow[]) {
  const windows = plan.windows ?? DEFAULT_DIGEST_WINDOWS;
  for (const window of windows) {
    await prisma.digest.updateMany({ where: { userId, window, sentAt: null }, data: { closedAt: new Date() } });
  }
  for (const window of plan.windows ?? fallback) {
    await prisma.digest.updateMany({ where: { userId, window, openedAt: null }, data: { closedAt: new Date() } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  for (const window of plan.windows ?? []) {
    await prisma.digest.updateMany({ where: { userId, window, clickedAt: null }, data: { closedAt: new Date() } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

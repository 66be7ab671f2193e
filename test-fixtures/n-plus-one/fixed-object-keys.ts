// A loop over the keys of an object the code writes (a module's table of settings, an enum, some of its members) runs as
// many times as the code has keys, even where the table is handed to other functions; an object given keys from data does not.
import { PrismaClient } from '@prisma/client';
import { omit } from 'lodash';

const prisma = new PrismaClient();

enum Channel {
  Email = 'email',
  Slack = 'slack',
  Sms = 'sms',
  Push = 'push',
  Webhook = 'webhook',
  All = 'all',
}

const retentionDays = {
  session: 30,
  auditLog: 365,
  notification: 90,
  export: 7,
  upload: 14,
  webhookDelivery: 30,
};

const extendedRetention = { ...retentionDays, invoice: 3650 };

type Usage = { teamId: string; bytes: number };

declare function describeRetention(days: Record<string, number>): string;
declare function collectTeams(rows: Usage[], into: Record<string, true>): void;

export function retentionSummary(): string {
  return describeRetention(retentionDays);
}

export async function recordRetention(teamId: string): Promise<void> {
  // In one transaction, whose queries take turns on its connection: only the number of keys bounds them.
  await prisma.$transaction(async (tx) => {
    for (const [table, days] of Object.entries(retentionDays)) {
      await tx.retentionRun.create({ data: { teamId, table, days } });
    }
    for (const table of Object.keys(extendedRetention)) {
      await tx.retentionPolicy.upsert({ where: { teamId_table: { teamId, table } }, create: { teamId, table }, update: {} });
    }
  });
}

export async function resetChannels(userId: string): Promise<void> {
  for (const channel of Object.values(omit(Channel, 'All'))) {
    await prisma.channelSetting.deleteMany({ where: { userId, channel } });
  }
}

export async function chargeTeams(rows: Usage[]): Promise<void> {
  const bytesByTeam: Record<string, number> = {};
  for (const row of rows) bytesByTeam[row.teamId] = (bytesByTeam[row.teamId] ?? 0) + row.bytes;
  await prisma.$transaction(async (tx) => {
    for (const [teamId, bytes] of Object.entries(bytesByTeam)) {
      await tx.team.update({ where: { id: teamId }, data: { usedBytes: bytes } });
      //    ^^^^^^^^^^^^^^ n-plus-one
    }
  });
}

export async function touchTeams(rows: Usage[]): Promise<void> {
  const teams: Record<string, true> = {};
  collectTeams(rows, teams);
  for (const teamId of Object.keys(teams)) {
    await prisma.team.update({ where: { id: teamId }, data: { touchedAt: new Date() } });
    //    ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

enum Channel {
  Email = 'email',
  Sms = 'sms',
  Push = 'push',
}

export async function ensureChannels(workspaceId: string) {
  for (const key in Channel) {
    const channel = Channel[key as keyof typeof Channel];
    await prisma.channelSetting.upsert({
      where: { workspaceId_channel: { workspaceId, channel } },
      create: { workspaceId, channel },
      update: {},
    });
  }
}

export async function renameAll(titlesById: Record<string, string>) {
  for (const id in titlesById) {
    await prisma.document.update({ where: { id }, data: { title: titlesById[id] } });
//        ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

import { $transaction, prisma } from '../db.server';

type Setting = { key: string; value: string };

export async function saveSettings(projectId: string, settings: Setting[]) {
  for (const setting of settings) {
    await $transaction(prisma, 'save setting', async (tx) => {
//        ^^^^^^^^^^^^ n-plus-one
      const saved = await tx.setting.upsert({
        where: { projectId_key: { projectId, key: setting.key } },
        create: { projectId, key: setting.key },
        update: {},
      });
      await tx.settingValue.create({ data: { settingId: saved.id, value: setting.value } });
    });
  }
}

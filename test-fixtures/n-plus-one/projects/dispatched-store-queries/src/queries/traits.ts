import prisma from '../lib/prisma';

export async function saveVisitorTraits(visitorId: string, traits: Record<string, string>) {
  const { client } = prisma;
  for (const [key, value] of Object.entries(traits)) {
    const result = await client.visitorTrait.updateMany({ where: { visitorId, key }, data: { value } });
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (result.count === 0) {
      await client.visitorTrait.create({ data: { visitorId, key, value } });
    }
  }
}

export async function tagVisitors(visitorIds: string[], label: string) {
  for (const visitorId of visitorIds) {
    const existing = await prisma.client.visitorLabel.findFirst({ where: { visitorId, label } });
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (existing) {
      await prisma.client.visitorLabel.update({ where: { id: existing.id }, data: { seenAt: new Date() } });
    } else {
      await prisma.client.visitorLabel.create({ data: { visitorId, label, seenAt: new Date() } });
    }
  }
}

export async function renameAndArchive(visitorIds: string[]) {
  for (const visitorId of visitorIds) {
    await prisma.client.visitorLabel.updateMany({ where: { visitorId }, data: { label: 'renamed' } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    await prisma.client.archivedVisitor.create({ data: { visitorId } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

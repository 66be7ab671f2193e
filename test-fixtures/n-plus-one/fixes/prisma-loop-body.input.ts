import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

type Field = { recipientId: string; page: number; label?: string };

export async function main(envelopeId: number, fields: Field[], items: Array<{ userId: number | null }>) {
  const lines: string[] = [];
  for (const field of fields) {
    const { recipientId, page } = field;
    if (page <= 0) continue;
    const recipient = await prisma.recipient.findFirst({ where: { id: Number(recipientId), envelopeId } });
    if (!recipient) {
      lines.push(`page ${page}: no recipient ${recipientId}`);
      continue;
    }
    lines.push(`page ${page}: ${recipient.name} (${recipient.envelopeId})`);
    console.log(field.label ?? 'field', recipient.name);
  }
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.userId !== null) {
      const user = await prisma.user.findUnique({ where: { id: items[i]!.userId! } });
      lines.push(`item ${i}: ${user?.name ?? 'gone'}`);
    } else {
      lines.push(`item ${i}: nobody`);
    }
  }
  const seen: number[] = [];
  for (const item of items) {
    if (item.userId === null || seen.includes(item.userId)) continue;
    seen.push(item.userId);
    const [user, count] = await Promise.all([prisma.user.findUnique({ where: { id: item.userId } }), Promise.resolve(seen.length)]);
    lines.push(`${count}: ${user ? user.name : 'gone'}`);
  }
  return lines;
}

import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

type Field = { recipientId: string; page: number; label?: string };

export async function main(envelopeId: number, fields: Field[], items: Array<{ userId: number | null }>) {
  const lines: string[] = [];
  const recipientRows = await prisma.recipient.findMany({ where: { id: { in: fields.flatMap((field) => (!(field.page <= 0) ? [Number(field.recipientId)] : [])) }, envelopeId } });
  const recipientById = new Map(recipientRows.map((row) => [row.id, row]));
  for (const field of fields) {
    const { recipientId, page } = field;
    if (page <= 0) continue;
    const recipient = recipientById.get(Number(recipientId)) ?? null;
    if (!recipient) {
      lines.push(`page ${page}: no recipient ${recipientId}`);
      continue;
    }
    lines.push(`page ${page}: ${recipient.name} (${recipient.envelopeId})`);
    console.log(field.label ?? 'field', recipient.name);
  }
  const userRows = await prisma.user.findMany({ where: { id: { in: items.flatMap((item2) => (item2.userId !== null ? [item2.userId!] : [])) } } });
  const userById = new Map(userRows.map((row) => [row.id, row]));
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.userId !== null) {
      const user = userById.get(items[i]!.userId!) ?? null;
      lines.push(`item ${i}: ${user?.name ?? 'gone'}`);
    } else {
      lines.push(`item ${i}: nobody`);
    }
  }
  const seen: number[] = [];
  const userRows2 = await prisma.user.findMany({ where: { id: { in: items.flatMap((item) => (!(item.userId === null) ? [item.userId] : [])) } } });
  const userById2 = new Map(userRows2.map((row) => [row.id, row]));
  for (const item of items) {
    if (item.userId === null || seen.includes(item.userId)) continue;
    seen.push(item.userId);
    const [user, count] = await Promise.all([userById2.get(item.userId) ?? null, Promise.resolve(seen.length)]);
    lines.push(`${count}: ${user ? user.name : 'gone'}`);
  }
  return lines;
}

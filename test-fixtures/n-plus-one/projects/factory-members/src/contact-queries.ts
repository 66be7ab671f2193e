// valid
import type { PrismaClient } from '@prisma/client';

export function createContactQueries(db: PrismaClient) {
  const findContact = (id: string) => db.contact.findUnique({ where: { id } });
  const touchContact = async (id: string) => {
    await db.contact.update({ where: { id }, data: { seenAt: new Date() } });
  };
  return { findContact, touchContact };
}

export const createFormatter = (locale: string) => {
  const describe = async (name: string) => {
    const response = await fetch(`https://names.example.com/${locale}/${encodeURIComponent(name)}`);
    return response.text();
  };
  return { describe };
};

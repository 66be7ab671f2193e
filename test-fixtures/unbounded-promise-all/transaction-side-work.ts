// Promise.all over the queries of one transaction starts nothing at once: they take turns on its connection (and are
// n-plus-one's finding). A mapper that calls out beside the transaction still starts every call at once.
import axios from 'axios';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

declare const prismaService: { $tx<T>(run: () => Promise<T>): Promise<T> };
declare const tagService: { attach(id: string, tag: string): Promise<void> };

interface Partner {
  id: string;
  url: string;
}

export async function deliver(partners: Partner[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await Promise.all(partners.map((partner) => axios.post(partner.url, { id: partner.id })));
//        ^^^^^^^^^^^ unbounded-promise-all
    await tx.partner.updateMany({ where: { id: { in: partners.map((partner) => partner.id) } }, data: { deliveredAt: new Date() } });
  });
}

export async function disable(partners: Partner[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await Promise.all(partners.map((partner) => tx.partner.update({ where: { id: partner.id }, data: { enabled: false } })));
//                                              ^^^^^^^^^^^^^^^^^ n-plus-one
  });
}

export async function tagAll(partners: Partner[]): Promise<void> {
  await prismaService.$tx(async () => {
    await Promise.all(partners.map((partner) => tagService.attach(partner.id, 'legacy')));
  });
}

export async function ping(partners: Partner[]): Promise<void> {
  await prismaService.$tx(async () => {
    await Promise.all(
//        ^^^^^^^^^^^ unbounded-promise-all
      partners.map(async (partner) => {
        await tagService.attach(partner.id, 'pinged');
        await axios.head(partner.url);
      }),
    );
  });
}

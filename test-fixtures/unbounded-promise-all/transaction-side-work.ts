// Promise.all over the queries of one transaction starts nothing at once: they take turns on its connection (and are
// n-plus-one's finding). A mapper that calls out beside the transaction still starts every call at once.
import axios from 'axios';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

declare const prismaService: { $tx<T>(run: () => Promise<T>): Promise<T> };
declare const tagService: { attach(id: string, tag: string): Promise<void> };

interface Webhook {
  id: string;
  url: string;
}

export async function deliver(webhooks: Webhook[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await Promise.all(webhooks.map((webhook) => axios.post(webhook.url, { id: webhook.id })));
//        ^^^^^^^^^^^ unbounded-promise-all
    await tx.webhook.updateMany({ where: { id: { in: webhooks.map((webhook) => webhook.id) } }, data: { deliveredAt: new Date() } });
  });
}

export async function disable(webhooks: Webhook[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await Promise.all(webhooks.map((webhook) => tx.webhook.update({ where: { id: webhook.id }, data: { enabled: false } })));
//                                              ^^^^^^^^^^^^^^^^^ n-plus-one
  });
}

export async function tagAll(webhooks: Webhook[]): Promise<void> {
  await prismaService.$tx(async () => {
    await Promise.all(webhooks.map((webhook) => tagService.attach(webhook.id, 'legacy')));
  });
}

export async function ping(webhooks: Webhook[]): Promise<void> {
  await prismaService.$tx(async () => {
    await Promise.all(
//        ^^^^^^^^^^^ unbounded-promise-all
      webhooks.map(async (webhook) => {
        await tagService.attach(webhook.id, 'pinged');
        await axios.head(webhook.url);
      }),
    );
  });
}

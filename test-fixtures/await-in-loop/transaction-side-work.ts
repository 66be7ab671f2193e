// In a transaction, the queries on its handle take turns on one connection: n-plus-one's batching is their fix, not concurrency.
// Work beside the transaction (an HTTP call, a mail) still waits item by item, and is reported.
import axios from 'axios';
import knex from 'knex';
import { PrismaClient, type Prisma } from '@prisma/client';
import { Resend } from 'resend';

const prisma = new PrismaClient();
const db = knex({ client: 'pg' });
const resend = new Resend('key');

declare function Transactional(): MethodDecorator;
declare const audit: { record(entry: object): Promise<void> };

interface Invite {
  id: string;
  email: string;
}

async function markSent(tx: Prisma.TransactionClient, invite: Invite): Promise<void> {
  await tx.invite.update({ where: { id: invite.id }, data: { sentAt: new Date() } });
}

export async function sendInvites(invites: Invite[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const invite of invites) {
      await resend.emails.send({ from: 'team@example.com', to: invite.email, subject: 'Join us', html: '' });
//    ^^^^^ await-in-loop
      await markSent(tx, invite);
//          ^^^^^^^^ n-plus-one
    }
  });
}

export async function expireInvites(invites: Invite[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const invite of invites) {
      await markSent(tx, invite);
//          ^^^^^^^^ n-plus-one
      await audit.record({ invite: invite.id });
    }
  });
}

export async function syncPrices(productIds: string[]): Promise<void> {
  await db.transaction(async (trx) => {
    for (const productId of productIds) {
      const { data } = await axios.get<{ price: number }>(`https://prices.example.com/${productId}`);
//                     ^^^^^ await-in-loop
      await trx('products').where({ id: productId }).update({ price: data.price });
    }
  });
}

export async function renameProducts(products: Array<{ id: string; name: string }>): Promise<void> {
  await db.transaction(async (trx) => {
    for (const product of products) {
      await trx('products').where({ id: product.id }).update({ name: product.name });
//          ^^^ n-plus-one
    }
  });
}

interface Context {
  transaction: unknown;
}

// Handed a context made from the transaction, the call runs on it, whatever else it does.
async function publishProduct(context: Context, productId: string): Promise<void> {
  await axios.post('https://catalog.example.com/publish', { productId, context });
}

export async function publishProducts(productIds: string[]): Promise<void> {
  await db.transaction(async (trx) => {
    const context: Context = { transaction: trx };
    for (const productId of productIds) {
      await publishProduct(context, productId);
    }
  });
}

export async function announceProducts(productIds: string[]): Promise<void> {
  await db.transaction(async (trx) => {
    const detached: Context = { transaction: undefined };
    await trx('announcements').insert({ count: productIds.length });
    for (const productId of productIds) {
      await publishProduct(detached, productId);
//    ^^^^^ await-in-loop
    }
  });
}

export class InviteService {
  @Transactional()
  async resend(invites: Invite[]): Promise<void> {
    for (const invite of invites) {
      await axios.post('https://hooks.example.com/invite', { id: invite.id });
//    ^^^^^ await-in-loop
    }
  }

  @Transactional()
  async archive(invites: Invite[]): Promise<void> {
    for (const invite of invites) {
      await audit.record({ archived: invite.id });
    }
  }
}

// Outside a transaction the HTTP call and the query are reported as before.
export async function notifyAll(invites: Invite[]): Promise<void> {
  for (const invite of invites) {
    await axios.post('https://hooks.example.com/invite', { id: invite.id });
//  ^^^^^ await-in-loop
    await prisma.invite.update({ where: { id: invite.id }, data: { notified: true } });
//        ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function closeTickets(ticketIds: string[], client = prisma) {
  for (const id of ticketIds) {
    await client.ticket.update({ where: { id }, data: { closedAt: new Date() } });
//        ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function ownersOf(ticketIds: string[], { db = prisma } = {}) {
  const owners = [];
  for (const id of ticketIds) {
    owners.push(await db.ticket.findUnique({ where: { id }, select: { ownerId: true } }));
//                    ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return owners;
}

interface SlaOptions {
  client?: PrismaClient;
  hours?: number;
}

async function slaOf(customerId: string, options: SlaOptions = {}) {
  const { client = prisma, hours = 24 } = options;
  const contract = await client.contract.findFirst({ where: { customerId } });
  return contract?.slaHours ?? hours;
}

export async function slaPerCustomer(tickets: Array<{ id: string; customerId: string }>) {
  const slaByCustomer = new Map<string, number>();
  for (const ticket of tickets) {
    if (!slaByCustomer.has(ticket.customerId)) slaByCustomer.set(ticket.customerId, await slaOf(ticket.customerId));
//                                                                                        ^^^^^ n-plus-one
  }
  return slaByCustomer;
}

export async function slaOfBoth(customerIds: string[], partnerIds: string[]) {
  return Promise.all([...customerIds.map((id) => slaOf(id)), ...partnerIds.map(async (id) => ({ id, hours: await slaOf(id) }))]);
//                                               ^^^^^ n-plus-one
//                                                                                                               ^^^^^ n-plus-one
}

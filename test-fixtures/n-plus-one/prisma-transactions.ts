import { Prisma, PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

type Line = { id: string; quantity: number };

// One batch is one transaction, but Prisma still sends one UPDATE per line in it.
export async function setQuantities(lines: Line[]) {
  await prisma.$transaction(lines.map((line) => prisma.orderLine.update({ where: { id: line.id }, data: { quantity: line.quantity } })));
//                                              ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function setQuantitiesLater(lines: Line[]) {
  const updates = lines.map((line) => prisma.orderLine.update({ where: { id: line.id }, data: { quantity: line.quantity } }));
//                                    ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  const audits = [];
  for (const line of lines) audits.push(prisma.audit.create({ data: { lineId: line.id } }));
//                                      ^^^^^^^^^^^^^^^^^^^ n-plus-one
  await prisma.$transaction([...updates, ...audits]);
}

// Operations collected in forEach callbacks and handed, with the last one, to one $transaction.
export async function syncTeams(userId: string, current: Array<{ teamId: string }>, wanted: string[], name: string) {
  const removals: Prisma.PrismaPromise<unknown>[] = [];
  current.forEach((membership) => {
    if (!wanted.includes(membership.teamId)) removals.push(prisma.teamUser.delete({ where: { teamId_userId: { teamId: membership.teamId, userId } } }));
//                                                         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  });
  const additions: Prisma.PrismaPromise<unknown>[] = [];
  wanted.forEach((teamId) => additions.push(prisma.teamUser.create({ data: { teamId, userId } })));
//                                          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  const operations = [...removals, ...additions, prisma.user.update({ where: { id: userId }, data: { name } })];
  await prisma.$transaction(operations);
}

// Only the lines that changed, kept by filter, still one UPDATE each in the batch.
export async function setChangedQuantities(lines: Array<Line & { previous: number }>) {
  const changes = lines
    .map((line) => (line.quantity === line.previous ? undefined : prisma.orderLine.update({ where: { id: line.id }, data: { quantity: line.quantity } })))
//                                                                ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    .filter((change) => change !== undefined);
  await prisma.$transaction(changes);
}

// Promise.all starts every update at once: still one statement per line.
export async function setQuantitiesAtOnce(lines: Line[]) {
  await Promise.all(lines.map((line) => prisma.orderLine.update({ where: { id: line.id }, data: { quantity: line.quantity } })));
//                                      ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function setChangedQuantitiesAtOnce(lines: Array<Line & { previous: number }>) {
  const changed = lines.filter((line) => line.quantity !== line.previous);
  await Promise.all(changed.map((line) => prisma.orderLine.update({ where: { id: line.id }, data: { quantity: line.quantity } })).slice(0));
//                                        ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function closeOrder(orderId: string, lines: Line[]) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { closed: true } });
    for (const line of lines) {
      await tx.orderLine.update({ where: { id: line.id }, data: { quantity: line.quantity } });
//          ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  });
}

async function archiveLine(tx: Prisma.TransactionClient, line: Line) {
  await tx.orderLine.delete({ where: { id: line.id } });
}

export async function archiveLines(lines: Line[]) {
  await prisma.$transaction(async (tx) => {
    for (const line of lines) await archiveLine(tx, line);
//                                  ^^^^^^^^^^^ n-plus-one
  });
}

// A transaction per line: its statements run once per line.
export async function refundLines(lines: Line[]) {
  for (const line of lines) {
    await prisma.$transaction(async (tx) => {
//        ^^^^^^^^^^^^^^^^^^^ n-plus-one
      await tx.refund.create({ data: { lineId: line.id } });
      await tx.orderLine.update({ where: { id: line.id }, data: { refunded: true } });
    });
  }
}

interface CatalogEntry {
  slug: string;
  name: string;
  tags: string[];
}

// The updates are collected in a field of a reduce's accumulator, then sent as one batch: one UPDATE per entry all the same.
export async function syncCatalog(entries: CatalogEntry[]) {
  const collected = entries.reduce(
    (acc: { rows: CatalogEntry[]; updates: Array<Prisma.PrismaPromise<unknown>> }, entry) => {
      acc.rows.push(entry);
      const update = prisma.catalogEntry.update({ where: { slug: entry.slug }, data: { name: entry.name } });
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      acc.updates.push(update);
      return acc;
    },
    { rows: [], updates: [] },
  );
  await prisma.$transaction(collected.updates);
}

// The same accumulator handed to Promise.all: every update is its own round trip.
export async function syncCatalogConcurrently(entries: CatalogEntry[]) {
  const collected = entries.reduce(
    (acc: { updates: Array<Prisma.PrismaPromise<unknown>> }, entry) => {
      acc.updates.push(prisma.catalogEntry.update({ where: { slug: entry.slug }, data: { name: entry.name } }));
//                     ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      return acc;
    },
    { updates: [] },
  );
  await Promise.all(collected.updates);
}

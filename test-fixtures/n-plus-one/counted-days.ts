// A counter bound written in the code (`const days = 7`) runs the query as many times as the code says: a fixed count, not
// one per item. A bound handed in by the caller grows with what it asks.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const DAY_MS = 24 * 60 * 60 * 1000;

export async function ordersPerDay(): Promise<number[]> {
  const days = 7;
  const counts: number[] = [];
  for (let day = 0; day < days; day++) {
    const since = new Date(Date.now() - (day + 1) * DAY_MS);
    const until = new Date(Date.now() - day * DAY_MS);
    counts.push(await prisma.order.count({ where: { createdAt: { gte: since, lt: until } } }));
  }
  return counts;
}

export async function ordersPerRequestedDay(days: number): Promise<number[]> {
  const counts: number[] = [];
  for (let day = 0; day < days; day++) {
    const since = new Date(Date.now() - (day + 1) * DAY_MS);
    const until = new Date(Date.now() - day * DAY_MS);
    counts.push(await prisma.order.count({ where: { createdAt: { gte: since, lt: until } } }));
    //                ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return counts;
}

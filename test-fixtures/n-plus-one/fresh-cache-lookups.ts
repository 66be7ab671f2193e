// Look-ups that answer from a cache while its entry is fresh query once per key and period, not once per call.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

const TAX_TTL_MS = 10 * 60 * 1000;
const taxCache = new Map<string, { rates: Record<string, number>; loadedAt: number }>();

async function taxRatesFor(country: string): Promise<Record<string, number>> {
  const entry = taxCache.get(country);
  if (entry && Date.now() - entry.loadedAt < TAX_TTL_MS) {
    return entry.rates;
  }
  const rows = await prisma.taxRate.findMany({ where: { country }, select: { category: true, rate: true } });
  const rates = Object.fromEntries(rows.map((row) => [row.category, row.rate]));
  taxCache.set(country, { rates, loadedAt: Date.now() });
  return rates;
}

async function zoneOf(country: string, fallback?: string) {
  if (fallback && fallback === country) return null;
  return prisma.shippingZone.findFirst({ where: { countries: { has: country } } });
}

export async function quoteLines(lines: Array<{ sku: string; country: string; category: string; net: number }>) {
  const quoted = [];
  for (const line of lines) {
    const rates = await taxRatesFor(line.country);
//                ^^^^^ await-in-loop
    quoted.push({ ...line, gross: line.net * (1 + (rates[line.category] ?? 0)) });
  }
  return quoted;
}

export async function zonesOf(lines: Array<{ sku: string; country: string }>, home: string) {
  const zones = [];
  for (const line of lines) zones.push(await zoneOf(line.country, home));
//                                           ^^^^^^ n-plus-one
  return zones;
}

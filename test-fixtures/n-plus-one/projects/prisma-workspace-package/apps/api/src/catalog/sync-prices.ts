import type { PrismaClient, Price } from '@relay/database';

type PriceDefinition = { sku: string; amount: number; currency: string };

export async function syncPrices(prisma: PrismaClient, definitions: PriceDefinition[]) {
  let created = 0;
  for (const definition of definitions) {
    const existing = await prisma.price.findFirst({ where: { sku: definition.sku }, select: { id: true } });
//                         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (!existing) {
      await prisma.price.create({ data: definition });
      created += 1;
    }
  }
  return created;
}

export function cheapest(prices: Price[], skus: string[]) {
  return skus.map((sku) => prices.filter((price) => price.sku === sku).sort((a, b) => a.amount - b.amount)[0]);
}

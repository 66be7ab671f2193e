// A method decorated to run in one transaction sends every query over that transaction's one connection; an async function of the file that awaits nothing does no I/O.
declare function Transaction(): MethodDecorator;
declare function InjectTransactionManager(): MethodDecorator;
declare function InjectManager(): MethodDecorator;
declare const cartService: { create(data: object, context: object): Promise<{ id: string }> };
declare const priceService: { update(id: string, data: object): Promise<void> };

export class CartModule {
  @InjectTransactionManager()
  protected async createCarts(carts: object[], sharedContext: object = {}): Promise<string[]> {
    const created: string[] = [];
    for (const cart of carts) {
      const { id } = await cartService.create(cart, sharedContext);
      created.push(id);
    }
    return created;
  }

  @Transaction()
  async setPrices(prices: Array<{ id: string; amount: number }>): Promise<void> {
    for (const price of prices) {
      await priceService.update(price.id, { amount: price.amount });
    }
  }

  @InjectManager()
  async listPrices(prices: Array<{ id: string; amount: number }>): Promise<void> {
    for (const price of prices) {
      await priceService.update(price.id, { amount: price.amount });
//    ^^^^^ await-in-loop
    }
  }
}

declare const prismaService: { txClient(): { $executeRawUnsafe(sql: string): Promise<number> } };

export async function renameTables(statements: string[]): Promise<void> {
  for (const sql of statements) {
    await prismaService.txClient().$executeRawUnsafe(sql);
  }
}

/** Sums on the spot: async by signature, but nothing in it waits. */
async function inventoryQuantity(levels: Array<{ available: number }>): Promise<number> {
  let total = 0;
  for (const level of levels) total += level.available;
  return total;
}

async function remoteQuantity(sku: string): Promise<number> {
  return priceService.update(sku, {}).then(() => 0);
}

export async function withQuantities(variants: Array<{ sku: string; levels: Array<{ available: number }>; quantity?: number }>): Promise<void> {
  for (const variant of variants) {
    variant.quantity = await inventoryQuantity(variant.levels);
  }
  for (const variant of variants) {
    variant.quantity = await remoteQuantity(variant.sku);
//                     ^^^^^ await-in-loop
  }
}

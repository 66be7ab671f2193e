import type { Payload } from 'payload';

/** Takes `quantity` units of a product out of stock. */
export async function reserveStock(payload: Payload, productId: string, quantity: number) {
  const product = await payload.findByID({ collection: 'products', id: productId });
  await payload.update({ collection: 'products', id: productId, data: { stock: product.stock - quantity } });
}

export class StockService {
  constructor(private readonly payload: Payload) {}

  async restock(productIds: string[]) {
    for (const id of productIds) {
      await this.payload.update({ collection: 'products', id, data: { stock: 100 } });
//          ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

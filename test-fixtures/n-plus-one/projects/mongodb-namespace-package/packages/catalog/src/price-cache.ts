// valid
import { lru } from '@harbor/store';

type Price = { productId: string; amount: number };

// A cache and an in-memory collection named like database collections: neither is a round trip.
const Prices = new lru.LRUCache<string, Price>({ max: 500 });
const Products = new Map<string, { _id: string; title: string }>();
const Reviews = {
  items: [] as Array<{ productId: string; stars: number }>,
  findOne(filter: { productId: string }) {
    return this.items.find((review) => review.productId === filter.productId);
  },
};

export function pricesOf(productIds: string[]) {
  const rows = [];
  for (const productId of productIds) {
    rows.push({ price: Prices.get(productId), product: Products.get(productId), review: Reviews.findOne({ productId }) });
  }
  return rows;
}

import { getCustomRepository } from 'typeorm';
import { ProductRepository } from '../catalog/product.repository';

interface CartItem {
  productId: number;
  amount: number;
}

export async function placeOrder(cart: CartItem[]): Promise<void> {
  const products = getCustomRepository(ProductRepository);
  await Promise.all(
    cart.map(async (item) => {
      const product = await products.getProduct(item.productId);
//                          ^^^^^^^^^^^^^^^^^^^ n-plus-one
      if (product.stock >= item.amount) await products.decreaseStock(item.productId, item.amount);
//                                            ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }),
  );
}

export function selections(cart: CartItem[]): string[] {
  return cart.map((item) => getCustomRepository(ProductRepository).selectionSql(item.productId));
}

import { insert, select } from '@shopkit/sql-builder';
import { pool, type PoolClient } from '../db/connection';

interface CartLine {
  sku: string;
  qty: number;
}

export async function addLines(cartId: number, lines: CartLine[], connection: PoolClient): Promise<void> {
  await Promise.all(lines.map((line) => insert('cart_item').given(line).prime('cart_id', cartId).execute(connection)));
  //                                                                                             ^^^^^^^ n-plus-one
}

export async function linesInStock(lines: CartLine[]) {
  const stocked: CartLine[] = [];
  for (const line of lines) {
    const stock = await select('qty').from('inventory').where('sku', '=', line.sku).load(pool);
    //                                                                              ^^^^ n-plus-one
    if (stock && stock.qty >= line.qty) stocked.push(line);
  }
  return stocked;
}


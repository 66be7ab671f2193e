import type { Knex } from 'knex';
import { StockItem, StockLot, StockMove } from '../models/stock';

interface QuantityChange {
  itemId: number;
  change: number;
}

/** Applies each item's own change to its quantity on hand. */
export async function applyChanges(changes: QuantityChange[], trx?: Knex.Transaction): Promise<void> {
  const pending: Array<PromiseLike<unknown>> = [];
  changes.forEach((change) => {
    pending.push(StockItem.adjustOnHand(change.itemId, change.change, trx));
//               ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  });
  await Promise.all(pending);
}

/** Takes what each lot gave out of its remaining quantity. */
export async function consumeLots(lots: Array<{ lotId: number; used: number }>, trx?: Knex.Transaction): Promise<void> {
  for (const lot of lots) {
    await StockLot.query(trx).where('id', lot.lotId).decrement('remaining', lot.used);
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}

/** Counts one more reservation on each lot. */
export async function reserveLots(lotIds: number[], trx?: Knex.Transaction): Promise<void> {
  for (const lotId of lotIds) {
    await StockLot.query(trx).where('id', lotId).increment('reservations', 1);
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}

/** Records every move of a receipt. */
export async function recordMoves(moves: Array<{ itemId: number; quantity: number }>, trx?: Knex.Transaction): Promise<void> {
  for (const move of moves) {
    await StockMove.query(trx).insert(move);
//        ^^^^^^^^^^^^^^^ n-plus-one
  }
}

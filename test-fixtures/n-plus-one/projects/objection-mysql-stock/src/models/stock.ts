// valid
import type { Knex } from 'knex';
import { AppModel } from './app-model';

export class StockItem extends AppModel {
  static tableName = 'stock_items';
  id!: number;
  onHand!: number;

  /** Moves the quantity on hand up or down by the change. */
  static adjustOnHand(itemId: number, change: number, trx?: Knex.Transaction) {
    const step = change > 0 ? 'increment' : 'decrement';
    return this.query(trx).where('id', itemId)[step]('onHand', Math.abs(change));
  }
}

export class StockLot extends AppModel {
  static tableName = 'stock_lots';
  id!: number;
  remaining!: number;
  reservations!: number;
}

export class StockMove extends AppModel {
  static tableName = 'stock_moves';
  id!: number;
  itemId!: number;
  quantity!: number;
}

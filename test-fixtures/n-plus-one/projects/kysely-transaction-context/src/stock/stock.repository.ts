import type { CompiledQuery } from 'kysely';
import { inject, injectable } from 'tsyringe';
import type { IPricing, IReadScope, ITransactionContext } from '../db/transaction-context';
import type { IStockRepository, StockItem } from './stock-repository.port';

@injectable()
export class StockRepository implements IStockRepository {
  constructor(
    @inject('TransactionContext') private readonly txContext: ITransactionContext,
    @inject('ReadScope') private readonly readScope: IReadScope,
    @inject('Pricing') private readonly pricing: IPricing,
  ) {}

  async save(item: StockItem): Promise<void> {
    await this.txContext
      .currentTransaction()
      .insertInto('stock_item')
      .values({ id: item.id, sku: item.sku, quantity: item.quantity, warehouse_id: item.warehouseId })
      .execute();
  }

  async setQuantity(item: StockItem): Promise<void> {
    const trx = this.txContext.currentTransaction();
    await trx.updateTable('stock_item').set({ quantity: item.quantity }).where('id', '=', item.id).execute();
  }

  async saveAll(items: StockItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.txContext
      .currentTransaction()
      .insertInto('stock_item')
      .values(items.map((item) => ({ id: item.id, sku: item.sku, quantity: item.quantity, warehouse_id: item.warehouseId })))
      .execute();
  }

  async saveEach(items: StockItem[]): Promise<void> {
    for (const item of items) {
      await this.save(item);
//          ^^^^^^^^^ n-plus-one
    }
  }

  async recordMovements(item: StockItem, deltas: number[]): Promise<void> {
    for (const [index, delta] of deltas.entries()) {
      const movement = { id: `${item.id}-${index}`, item_id: item.id, delta };
      await this.txContext.currentTransaction().insertInto('stock_movement').values(movement).execute();
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async quantitiesOf(ids: string[]): Promise<number[]> {
    const db = this.readScope.reader();
    const quantities: number[] = [];
    for (const id of ids) {
      const row = await db.selectFrom('stock_item').select('quantity').where('id', '=', id).executeTakeFirst();
//                      ^^^^^^^^^^^^^ n-plus-one
      quantities.push(row?.quantity ?? 0);
    }
    return quantities;
  }

  /** A DELETE and then its INSERTs, compiled in order: they run in that order on the one transaction. */
  async applyStatements(statements: CompiledQuery[]): Promise<void> {
    const trx = this.txContext.currentTransaction();
    for (const statement of statements) {
      await trx.executeQuery(statement);
    }
  }

  async pricesOf(items: StockItem[]): Promise<number[]> {
    const prices: number[] = [];
    for (const item of items) {
      prices.push(await this.pricing.quotes().priceOf(item.sku));
//                ^^^^^ await-in-loop
    }
    return prices;
  }
}

import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../connection/transactional-connection';
import { StockLevel } from '../entity/stock-level.entity';
import { RequestContext } from './request-context';

@Injectable()
export class StockLocationService {
  constructor(private connection: TransactionalConnection) {}

  async transferStock(ctx: RequestContext, fromLocationId: number, toLocationId: number) {
    const levels = await this.connection.getRepository(ctx, StockLevel).find({ where: { stockLocationId: fromLocationId } });
    for (const level of levels) {
      const existing = await this.connection.getRepository(ctx, StockLevel).findOne({
//                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
        where: { stockLocationId: toLocationId, productVariantId: level.productVariantId },
      });
      if (existing) {
        existing.stockOnHand += level.stockOnHand;
        await this.connection.getRepository(ctx, StockLevel).save(existing);
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      } else {
        const created = new StockLevel({ productVariantId: level.productVariantId, stockLocationId: toLocationId, stockOnHand: level.stockOnHand });
        await this.connection.getRepository(ctx, StockLevel).save(created);
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }
      await this.connection.rawConnection.getRepository(StockLevel).remove(level);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async restock(ctx: RequestContext, levels: StockLevel[], amount: number) {
    for (const level of levels) {
      level.stockOnHand += amount;
      await this.connection.getRepository(ctx, StockLevel).save(level);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  // The repository of something that is not an entity is not a query.
  warm(names: string[], registry: { getRepository(name: string): { find(): Promise<void> } }) {
    return names.map((name) => registry.getRepository(name).find());
  }
}

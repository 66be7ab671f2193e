import { inject, injectable } from 'tsyringe';
import type { IStockRepository, StockItem } from './stock-repository.port';

@injectable()
export class StockService {
  constructor(@inject('StockRepository') private readonly stock: IStockRepository) {}

  async recount(items: StockItem[]): Promise<void> {
    for (const item of items) {
      await this.stock.setQuantity(item);
//          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async receive(items: StockItem[]): Promise<void> {
    await this.stock.saveAll(items);
  }
}

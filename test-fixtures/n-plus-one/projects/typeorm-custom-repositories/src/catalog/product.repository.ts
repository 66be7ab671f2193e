// valid
import { EntityRepository } from 'typeorm';
import { BaseRepository } from '../base.repository';
import { Product } from './product.entity';

@EntityRepository(Product)
export class ProductRepository extends BaseRepository<Product> {
  async getProduct(id: number): Promise<Product> {
    const qb = this.createQueryBuilder('product');
    qb.where('product.id = :id', { id });
    const product = await qb.getOne();
    if (!product) throw new Error(`Product ${id} not found`);
    return product;
  }

  async decreaseStock(id: number, amount: number): Promise<void> {
    await this.createQueryBuilder().update().set({ stock: () => `stock - ${amount}` }).where('id = :id', { id }).execute();
  }

  selectionSql(id: number): string {
    return this.createQueryBuilder('product').where('product.id = :id', { id }).getQuery();
  }
}

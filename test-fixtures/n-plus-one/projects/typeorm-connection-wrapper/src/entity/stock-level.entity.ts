// valid
import { Column, Entity } from 'typeorm';
import { ShopEntity } from './base.entity';

@Entity()
export class StockLevel extends ShopEntity {
  constructor(input?: Partial<StockLevel>) {
    super(input);
  }
  @Column() productVariantId: number;
  @Column() stockLocationId: number;
  @Column() stockOnHand: number;
}

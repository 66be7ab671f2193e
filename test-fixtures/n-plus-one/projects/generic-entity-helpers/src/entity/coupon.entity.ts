// valid
import { Column, Entity, JoinTable, ManyToMany } from 'typeorm';
import { BaseRecord } from './base.entity';
import { Store } from './store.entity';

@Entity()
export class Coupon extends BaseRecord {
  @Column() code: string;
  @ManyToMany(() => Store) @JoinTable() stores: Store[];
}

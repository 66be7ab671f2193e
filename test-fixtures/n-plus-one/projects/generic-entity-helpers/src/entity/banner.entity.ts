// valid
import { Column, Entity, JoinTable, ManyToMany } from 'typeorm';
import { BaseRecord } from './base.entity';
import { Store } from './store.entity';

@Entity()
export class Banner extends BaseRecord {
  @Column() title: string;
  @ManyToMany(() => Store) @JoinTable() stores: Store[];
}

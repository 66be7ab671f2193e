// valid
import { Column, Entity } from 'typeorm';
import { BaseRecord } from './base.entity';

@Entity()
export class Store extends BaseRecord {
  @Column() code: string;
}

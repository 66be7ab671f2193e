// valid
import { Column, Entity } from 'typeorm';
import { ShopEntity } from './base.entity';

@Entity()
export class Tag extends ShopEntity {
  constructor(input?: Partial<Tag>) {
    super(input);
  }
  @Column() value: string;
}

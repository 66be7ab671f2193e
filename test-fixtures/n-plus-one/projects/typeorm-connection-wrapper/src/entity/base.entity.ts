// valid
import { CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

export abstract class ShopEntity {
  protected constructor(input?: object) {
    if (input) Object.assign(this, input);
  }
  @PrimaryGeneratedColumn() id: number;
  @CreateDateColumn() createdAt: Date;
}

// valid
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Invoice {
  @PrimaryGeneratedColumn() id!: number;
  @Column() accountId!: number;
  @Column() status!: string;
  @Column() amount!: number;
}

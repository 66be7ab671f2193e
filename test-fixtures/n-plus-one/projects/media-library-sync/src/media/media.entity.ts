// valid
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Media {
  @PrimaryGeneratedColumn() id!: number;
  @Column() externalId!: string;
  @Column({ nullable: true }) publishedAt?: Date;
}

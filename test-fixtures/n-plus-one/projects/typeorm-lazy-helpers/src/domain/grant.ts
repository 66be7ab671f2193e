// valid
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Grant {
  @PrimaryGeneratedColumn('uuid') declare id: string;
  @Column() declare scope: string;
}

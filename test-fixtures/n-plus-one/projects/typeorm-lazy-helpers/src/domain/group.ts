// valid
import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Grant } from './grant';

@Entity()
export class Group {
  @PrimaryGeneratedColumn('uuid') declare id: string;
  @Column() declare name: string;
  @Column('simple-array') declare tags: string[];

  @ManyToMany(() => Grant, { lazy: true })
  @JoinTable({ name: 'group_grants' })
  declare grants: Promise<Grant[]>;
}

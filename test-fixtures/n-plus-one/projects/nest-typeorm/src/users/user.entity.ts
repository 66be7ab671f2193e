// valid
import { Entity, PrimaryGeneratedColumn, Column, OneToMany } from 'typeorm';
import { Order } from '../orders/order.entity';
@Entity()
export class User {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
  @OneToMany(() => Order, (o) => o.user, { lazy: true }) orders: Promise<Order[]>;
}

// valid
import { Entity, PrimaryGeneratedColumn, ManyToOne, Column } from 'typeorm';
import { User } from '../users/user.entity';
@Entity()
export class Order {
  @PrimaryGeneratedColumn() id: number;
  @Column() total: number;
  @ManyToOne(() => User, (u) => u.orders) user: User;
  @Column() userId: number;
}

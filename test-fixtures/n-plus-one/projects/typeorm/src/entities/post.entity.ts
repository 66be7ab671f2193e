// valid
import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

@Entity()
export class Post {
  @PrimaryGeneratedColumn() id!: number;
  @Column() title!: string;
  @ManyToOne(() => User, (user) => user.posts) author!: Promise<User>;
  @ManyToOne(() => User, { eager: true }) reviewer!: User;
}

// valid
import { Column, Entity } from 'typeorm';
import { AppBaseEntity } from './app-base.entity';

@Entity('users')
export class User extends AppBaseEntity {
  @Column({ unique: true })
  email!: string;

  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  loginCount!: number;
}

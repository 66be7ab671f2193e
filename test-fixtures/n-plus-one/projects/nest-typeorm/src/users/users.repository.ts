// valid
import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { User } from './user.entity';
@Injectable()
export class UsersRepository extends Repository<User> {
  constructor(private dataSource: DataSource) { super(User, dataSource.createEntityManager()); }
  findByEmail(email: string) { return this.findOne({ where: { email } }); }
}

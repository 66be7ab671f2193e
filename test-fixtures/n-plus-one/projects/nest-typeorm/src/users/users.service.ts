import { Injectable } from '@nestjs/common';
import { UsersRepository } from './users.repository';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(private readonly usersRepository: UsersRepository) {}

  async invite(emails: string[]) {
    const existing: User[] = [];
    for (const email of emails) {
      const user = await this.usersRepository.findByEmail(email);
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      if (user) existing.push(user);
    }
    return existing;
  }

  async totals(users: User[]) {
    const totals = new Map<number, number>();
    for (const user of users) {
      const orders = await user.orders;
//                         ^^^^^^^^^^^ n-plus-one
      totals.set(user.id, orders.reduce((sum, order) => sum + order.total, 0));
    }
    return totals;
  }

  async byIds(ids: number[]) {
    return Promise.all(ids.map((id) => this.usersRepository.findOneBy({ id })));
//                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  emailsOf(users: User[]) {
    return users.map((user) => user.email).filter((email) => email.endsWith('.org'));
  }
}

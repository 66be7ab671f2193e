import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../prisma/prisma.service';

@Injectable()
export class UsersService {
  constructor(private readonly database: DatabaseService) {}

  async teams(userIds: string[]) {
    return userIds.map((id) => this.database.membership.findMany({ where: { userId: id } }));
//                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async all() {
    return this.database.user.findMany({ include: { memberships: true } });
  }
}

// valid
import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';

@Injectable()
export class MemberRepository {
  constructor(private readonly database: DatabaseService) {}

  async setRole(memberId: string, role: string): Promise<void> {
    await this.database.txClient().member.update({ where: { id: memberId }, data: { role } });
  }
}

// valid
import type { DB } from '../db/client';

export class MemberRepository {
  constructor(private readonly db: DB) {}

  async rename(id: string, name: string) {
    return this.db.member.update({ where: { id }, data: { name } });
  }
}

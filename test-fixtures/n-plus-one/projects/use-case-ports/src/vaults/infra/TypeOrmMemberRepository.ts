// valid
import type { Repository } from 'typeorm';
import type { Member, MemberRepository } from '../MemberRepository';

export class TypeOrmMemberRepository implements MemberRepository {
  constructor(private readonly members: Repository<Member>) {}

  async findOne(vaultId: string, userId: string): Promise<Member | null> {
    return this.members.findOneBy({ vaultId, userId });
  }

  async remove(member: Member): Promise<void> {
    await this.members.remove(member);
  }
}

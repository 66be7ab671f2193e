// valid
import { Repository } from 'typeorm';
import { Member } from './member.entity';

export class MemberRepository {
  constructor(private readonly members: Repository<Member>) {}

  findOwnerOfTeam(teamUuid: string): Promise<Member | null> {
    return this.members
      .createQueryBuilder('member')
      .where('member.team_uuid = :teamUuid', { teamUuid })
      .andWhere('member.is_owner = :isOwner', { isOwner: true })
      .getOne();
  }

  findByTeamAndRole(teamUuid: string, role: string): Promise<Member[]> {
    return this.members
      .createQueryBuilder('member')
      .where('member.team_uuid = :teamUuid', { teamUuid })
      .andWhere('member.role = :role', { role })
      .getMany();
  }

  async updateScore(memberUuid: string, score: number): Promise<void> {
    await this.members.createQueryBuilder().update().set({ score }).where('uuid = :memberUuid', { memberUuid }).execute();
  }

  async touch(member: Member): Promise<void> {
    await this.members.save(member);
  }
}

// valid
import type { Member, MemberRepository } from '../domain/member.repository';

/** A stub kept beside the adapter it stands in for, named as one by its file. */
export class CannedMembers implements MemberRepository {
  async findById(id: string): Promise<Member | null> {
    return { id, teamId: 'team', email: `${id}@example.com` };
  }

  async rename(): Promise<void> {}
}

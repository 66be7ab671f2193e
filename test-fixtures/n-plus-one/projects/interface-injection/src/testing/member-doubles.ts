// valid
import type { Member, MemberRepository } from '../domain/member.repository';

/** The application's tests stand this double in for the database adapter: the port still has one implementation that runs. */
export class FakeMemberRepository implements MemberRepository {
  private readonly members = new Map<string, Member>();

  async findById(id: string): Promise<Member | null> {
    return this.members.get(id) ?? null;
  }

  async rename(id: string, email: string): Promise<void> {
    const member = this.members.get(id);
    if (member) member.email = email;
  }
}

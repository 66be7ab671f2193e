// valid
import type { MemberRepository } from '../MemberRepository';
import { Outcome } from '../../shared/Outcome';

export class RemoveMember {
  constructor(private readonly members: MemberRepository) {}

  async execute(input: { vaultId: string; userId: string }): Promise<Outcome<void>> {
    if (!input.vaultId) {
      return Outcome.fail('no vault');
    }
    const member = await this.members.findOne(input.vaultId, input.userId);
    if (!member) {
      return Outcome.fail('not a member');
    }
    await this.members.remove(member);
    return Outcome.ok();
  }
}

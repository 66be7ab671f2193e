import { MemberRepository } from './member.repository';
import { Member } from './member.entity';

export class TeamsService {
  constructor(private readonly memberRepository: MemberRepository) {}

  async owners(teamUuids: string[]): Promise<Array<Member | null>> {
    const owners: Array<Member | null> = [];
    for (const teamUuid of teamUuids) {
      owners.push(await this.memberRepository.findOwnerOfTeam(teamUuid));
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return owners;
  }

  async editors(teamUuids: string[]): Promise<Member[][]> {
    const editors: Member[][] = [];
    for (const teamUuid of teamUuids) {
      editors.push(await this.memberRepository.findByTeamAndRole(teamUuid, 'editor'));
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return editors;
  }

  async rescore(members: Member[]): Promise<void> {
    for (const member of members) {
      await this.memberRepository.updateScore(member.uuid, member.score * 2);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async touchAll(members: Member[]): Promise<void> {
    for (const member of members) {
      await this.memberRepository.touch(member);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

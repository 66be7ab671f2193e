import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import { MemberRepository } from './member.repository';

@Injectable()
export class MemberService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterPrisma>,
    private readonly members: MemberRepository,
  ) {}

  async teamsOf(userIds: string[]) {
    const teams = [];
    for (const userId of userIds) {
      teams.push(await this.txHost.tx.team.findMany({ where: { members: { some: { userId } } } }));
//                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return teams;
  }

  async promote(memberIds: string[]): Promise<void> {
    await this.txHost.withTransaction(async () => {
      for (const memberId of memberIds) {
        await this.members.setRole(memberId, 'admin');
//            ^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }
    });
  }

  async demote(memberIds: string[]): Promise<void> {
    await this.txHost.tx.member.updateMany({ where: { id: { in: memberIds } }, data: { role: 'member' } });
  }
}

// valid
import { Injectable } from '@nestjs/common';
import type { Member, MemberRepository } from '../domain/member.repository';
import { prisma } from './prisma';

@Injectable()
export class PrismaMemberRepository implements MemberRepository {
  findAll(): Promise<Member[]> {
    return prisma.member.findMany();
  }

  findById(id: string): Promise<Member | null> {
    return prisma.member.findUnique({ where: { id } });
  }

  async rename(id: string, email: string): Promise<void> {
    await prisma.member.update({ where: { id }, data: { email } });
  }
}

// valid
import { EventEmitter } from 'node:events';
import type { Member, MemberRepository } from '../../src/domain/member.repository';

/** The suite's in-memory store: it extends a class of its own, yet as a test's class it implements nothing the application runs. */
export default class InMemoryMembers extends EventEmitter implements MemberRepository {
  private readonly members = new Map<string, Member>();

  async findAll(): Promise<Member[]> {
    return [...this.members.values()];
  }

  async findById(id: string): Promise<Member | null> {
    return this.members.get(id) ?? null;
  }

  async rename(id: string, email: string): Promise<void> {
    const member = this.members.get(id);
    if (member) member.email = email;
    this.emit('renamed', member);
  }
}

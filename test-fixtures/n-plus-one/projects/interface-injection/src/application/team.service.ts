import { Inject, Injectable } from '@nestjs/common';
import { MEMBER_REPOSITORY, type Member, type MemberRepository } from '../domain/member.repository';
import type { AuditTrail, Clock, InvoiceGateway, NoteStore } from '../domain/ports';

@Injectable()
export class TeamService {
  constructor(
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly invoices: InvoiceGateway,
    private readonly notes: NoteStore,
  ) {}

  async membersOf(ids: string[]) {
    const found: Member[] = [];
    for (const id of ids) {
      const member = await this.members.findById(id);
//                         ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      if (member) found.push(member);
    }
    return found;
  }

  async renameAll(changes: Array<{ id: string; email: string }>) {
    await Promise.all(changes.map((change) => this.members.rename(change.id, change.email)));
//                                            ^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async recordAll(entries: string[]) {
    for (const entry of entries) {
      await this.audit.record(entry);
//    ^^^^^ await-in-loop
    }
  }

  async stamps(ids: string[]) {
    const stamps: Date[] = [];
    for (const id of ids) {
      stamps.push(await this.clock.now());
    }
    return stamps.map((stamp, index) => `${ids[index]}@${stamp.toISOString()}`);
  }

  async totals(numbers: string[]) {
    let sum = 0;
    for (const number of numbers) {
      const invoice = await this.invoices.byNumber(number);
//                    ^^^^^ await-in-loop
      sum += invoice?.total ?? 0;
    }
    return sum;
  }

  async notesOf(ids: string[]) {
    const bodies: Array<string | null> = [];
    for (const id of ids) {
      bodies.push(await this.notes.read(id));
    }
    return bodies;
  }
}

import type { AuditLog, SessionStore } from '../ports';

export class SessionExpiry {
  constructor(
    private readonly sessions: SessionStore,
    private readonly audit: AuditLog,
  ) {}

  async expire(ids: string[]) {
    for (const id of ids) {
      await this.sessions.remove(id);
      //    ^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    for (const id of ids) {
      await this.audit.record(id, 'expired');
//    ^^^^^ await-in-loop
    }
  }

  async ownersOf(ids: string[]) {
    const owners: string[] = [];
    for (const id of ids) {
      const session = await this.sessions.find(id);
      //                    ^^^^^^^^^^^^^^^^^^ n-plus-one
      if (session) owners.push(session.userId);
    }
    return owners;
  }
}

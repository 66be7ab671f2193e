import type { AuditLog, SessionStore } from '../ports';

interface ExpireParams {
  sessions: SessionStore;
  audit: AuditLog;
}

export async function expireSessions(params: ExpireParams, ids: string[]) {
  const { sessions, audit } = params;
  for (const id of ids) {
    await sessions.remove(id);
    //    ^^^^^^^^^^^^^^^ n-plus-one
  }
  for (const id of ids) {
    await audit.record(id, 'expired');
//  ^^^^^ await-in-loop
  }
}

export async function ownersOf(sessions: SessionStore, ids: string[]) {
  const owners: string[] = [];
  for (const id of ids) {
    const session = await sessions.find(id);
    //                    ^^^^^^^^^^^^^ n-plus-one
    if (session) owners.push(session.userId);
  }
  return owners;
}

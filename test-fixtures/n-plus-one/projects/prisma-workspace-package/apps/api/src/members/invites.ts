import { prisma } from '../db.server';
import { db } from './session-store';

type Member = { id: string; name: string };

export async function inviteAll(organizationId: string, emails: string[]) {
  const invites = [];
  for (const email of emails) {
    invites.push(await prisma.invite.create({ data: { organizationId, email } }));
//                     ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return invites;
}

export async function renameAll(members: Member[]) {
  await prisma.$transaction(async (tx) => {
    for (const member of members) {
      await tx.member.update({ where: { id: member.id }, data: { name: member.name } });
//          ^^^^^^^^^^^^^^^^ n-plus-one
    }
  });
}

export async function forgetSessions(members: Member[]) {
  for (const member of members) await db.sessions.delete(member.id, { reason: 'renamed' });
//                              ^^^^^ await-in-loop
}

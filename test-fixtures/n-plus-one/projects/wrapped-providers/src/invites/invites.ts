import { prisma } from '@/lib/prisma';
import { sendInviteEmail } from '@/mail/send-invite';

/** Records the invite, then mails it through the project's own wrapper of the mail provider. */
export async function inviteMember(teamId: string, email: string) {
  const invite = await prisma.invite.create({ data: { teamId, email } });
  await sendInviteEmail(email, invite.token);
}

/** Only formats: awaits nothing outside the project. */
export async function inviteSummary(teamId: string) {
  const count = await prisma.invite.count({ where: { teamId } });
  return `${count} pending`;
}

export async function inviteAll(teamId: string, emails: string[]) {
  for (const email of emails) {
    await inviteMember(teamId, email);
//  ^^^^^ await-in-loop
  }
}

export async function summaries(teamIds: string[]) {
  const lines: string[] = [];
  for (const teamId of teamIds) {
    lines.push(await inviteSummary(teamId));
//                   ^^^^^^^^^^^^^ n-plus-one
  }
  return lines;
}

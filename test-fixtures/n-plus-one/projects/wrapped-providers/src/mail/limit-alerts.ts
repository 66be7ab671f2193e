import { prisma } from '@/lib/prisma';
import { sendInviteEmail } from '@/mail/send-invite';

/** Mails the alert and records that it went out, together. */
export async function sendLimitAlert(teamId: string, email: string) {
  return await Promise.allSettled([sendInviteEmail(email, 'limit'), prisma.sentAlert.create({ data: { teamId, email } })]);
}

/** Records the alert twice over, together: only queries. */
export async function recordLimitAlert(teamId: string, email: string) {
  await Promise.all([prisma.sentAlert.create({ data: { teamId, email } }), prisma.team.update({ where: { id: teamId }, data: { alertedAt: new Date() } })]);
}

/** Reads the team's admins, then mails each of them. */
export async function sendLimitDigest(teamId: string) {
  const admins = await prisma.member.findMany({ where: { teamId, role: 'admin' } });
  await Promise.all(admins.map((admin) => sendInviteEmail(admin.email, 'digest')));
//      ^^^^^^^^^^^ unbounded-promise-all
}

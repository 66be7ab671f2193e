import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function createInvite(teamId: string, email: string): Promise<string> {
  const existing = await prisma.invite.findFirst({ where: { teamId, email } });
  if (existing) throw new Error('already invited');
  const invite = await prisma.invite.create({ data: { teamId, email } });
  return invite.id;
}

async function sendInviteMail(inviteId: string, email: string): Promise<void> {
  await fetch('https://mail.internal/send', { method: 'POST', body: JSON.stringify({ inviteId, email }) });
}

// Each invitee is tried alone and its failure kept: the finding names the invite's queries, the first thing the loop waits on.
export async function inviteMembers(teamId: string, emails: string[]) {
  const results: Array<{ email: string; ok: boolean }> = [];
  for (const email of emails) {
    try {
      const inviteId = await createInvite(teamId, email);
//                     ^^^^^ await-in-loop
      await sendInviteMail(inviteId, email);
      results.push({ email, ok: true });
    } catch {
      results.push({ email, ok: false });
    }
  }
  return results;
}

// Only the invite is tried per item, its failures kept: nothing else to run at once, no finding.
export async function inviteQuietly(teamId: string, emails: string[]) {
  const failed: string[] = [];
  for (const email of emails) {
    try {
      await createInvite(teamId, email);
    } catch {
      failed.push(email);
    }
  }
  return failed;
}

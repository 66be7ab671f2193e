// valid
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { prisma } from '@/lib/prisma';

export function getSesClient() {
  const region = process.env.SES_REGION;
  if (!region) throw new Error('SES_REGION is not set');
  return new SESv2Client({ region });
}

/** Registers the domain with the mail provider and records it. */
export async function createSendingDomain(teamId: string, domain: string) {
  await getSesClient().send(new CreateEmailIdentityCommand({ EmailIdentity: domain }));
  return prisma.sendingDomain.create({ data: { teamId, domain } });
}


export async function listSendingDomains(teamId: string) {
  return prisma.sendingDomain.findMany({ where: { teamId } });
}

import { GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { prisma } from '@/lib/prisma';
import { getSesClient } from './ses';

/** Asks the mail provider whether the domain is verified, then stores the answer. */
export async function verifySendingDomain(domainId: string) {
  const domain = await prisma.sendingDomain.findUniqueOrThrow({ where: { id: domainId } });
  const ses = getSesClient();
  const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: domain.domain }));
  return prisma.sendingDomain.update({ where: { id: domainId }, data: { verified: identity.VerificationStatus === 'SUCCESS' } });
}

/** Makes the client but sends nothing with it: a read on every call. */
export async function domainStatus(domainId: string) {
  const ses = getSesClient();
  const domain = await prisma.sendingDomain.findUniqueOrThrow({ where: { id: domainId } });
  return { verified: domain.verified, region: ses.config.region };
}

export async function statuses(domainIds: string[]) {
  const found = [];
  for (const domainId of domainIds) found.push(await domainStatus(domainId));
//                                                   ^^^^^^^^^^^^ n-plus-one
  return found;
}

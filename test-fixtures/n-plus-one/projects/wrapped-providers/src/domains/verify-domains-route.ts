import { GetEmailIdentityCommand } from '@aws-sdk/client-sesv2';
import { prisma } from '@/lib/prisma';
import { getSesClient } from './ses';
import { verifySendingDomain } from './verify-domain';

export async function verifyTeamDomains(domains: Array<{ id: string }>) {
  await Promise.all(domains.map(async (domain) => verifySendingDomain(domain.id)));
//      ^^^^^^^^^^^ unbounded-promise-all
}

export async function refreshTeamDomains(domains: Array<{ id: string; domain: string }>) {
  const ses = getSesClient();
  for (const domain of domains) {
    const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: domain.domain }));
//                   ^^^^^ await-in-loop
    await prisma.sendingDomain.update({ where: { id: domain.id }, data: { verified: identity.VerificationStatus === 'SUCCESS' } });
  }
}

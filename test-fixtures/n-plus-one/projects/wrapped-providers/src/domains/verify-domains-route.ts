import { verifySendingDomain } from './verify-domain';

export async function verifyTeamDomains(domains: Array<{ id: string }>) {
  await Promise.all(domains.map(async (domain) => verifySendingDomain(domain.id)));
//      ^^^^^^^^^^^ unbounded-promise-all
}

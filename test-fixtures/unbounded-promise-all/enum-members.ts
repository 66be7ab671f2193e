// The members of an enum written in another module or package (a `for...in` over it, Prisma's `$Enums`), next to
// objects and lists that come from the data.
import { $Enums } from '@prisma/client';
import { ProposalStatus } from '@acme/contracts';

interface ApiConfig {
  token: string;
}

declare function listProposals(config: ApiConfig, status: string): Promise<unknown[]>;
declare function countMembers(role: string): Promise<number>;
declare function loadSection(id: string): Promise<unknown>;
declare function listSections(catalogId: string): Promise<Record<string, { id: string }>>;

export async function proposalsByStatus(config: ApiConfig): Promise<unknown[][]> {
  const pending: Promise<unknown[]>[] = [];
  for (const status in ProposalStatus) {
    if (Number.isNaN(Number(status))) pending.push(listProposals(config, status));
  }
  return Promise.all(pending);
}

export async function membersPerRole(): Promise<number[]> {
  return Promise.all(Object.values($Enums.Role).map((role) => countMembers(role)));
}

export async function sectionsOf(catalogId: string): Promise<unknown[]> {
  const sections = await listSections(catalogId);
  const pending: Promise<unknown>[] = [];
  for (const key in sections) {
    pending.push(loadSection(sections[key]!.id));
  }
  return Promise.all(pending);
  //     ^^^^^^^^^^^ unbounded-promise-all
}

import type { Repository } from 'typeorm';
import type { Group } from '../domain/group';

export class ScopeResolver {
  constructor(private readonly groups: Repository<Group>) {}

  async scopesOf(groups: Group[]): Promise<Set<string>> {
    const scopes = new Set<string>();
    for (const group of groups) {
      await this.addGrantedScopes(group, scopes);
//          ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return scopes;
  }

  async scopesByGroup(groups: Group[]): Promise<string[][]> {
    return Promise.all(groups.map((group) => grantedScopes(group)));
//                                           ^^^^^^^^^^^^^ n-plus-one
  }

  async scopesOfTeam(teamId: string): Promise<Set<string>> {
    const groups = await this.groups.find({ where: { teamId }, relations: { grants: true } });
    const scopes = new Set<string>();
    for (const group of groups) {
      await this.addGrantedScopes(group, scopes);
    }
    return scopes;
  }

  labelsOf(groups: Group[]): string[] {
    const labels: string[] = [];
    for (const group of groups) {
      this.addTags(group, labels);
    }
    return labels;
  }

  private async addGrantedScopes(group: Group, scopes: Set<string>): Promise<void> {
    const grants = await group.grants;
    for (const grant of grants) scopes.add(grant.scope);
  }

  private addTags(group: Group, labels: string[]): void {
    for (const tag of group.tags) labels.push(`${group.name}:${tag}`);
  }
}

async function grantedScopes(group: Group): Promise<string[]> {
  return (await group.grants).map((grant) => grant.scope);
}

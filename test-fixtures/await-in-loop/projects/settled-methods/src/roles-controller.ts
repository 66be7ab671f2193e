// Awaiting a method that the port or the class declares to return a value, or an async method that awaits nothing, does no
// I/O: those loops are not reported. Loading each role, a function declared to return a promise, and a method whose
// declared type is one of the project's own types (it may name anything) still are.
import type { Projector } from './projection/projector';
import { RoleProjector, remindLater, slugOf, type Role } from './projection/role-projector';

export class RolesController {
  constructor(
    private readonly projector: Projector<Role>,
    private readonly roles: RoleProjector,
  ) {}

  async projectRoles(roles: Role[]): Promise<Array<Record<string, unknown>>> {
    const projections: Array<Record<string, unknown>> = [];
    for (const role of roles) {
      projections.push(await this.projector.projectSimple(role));
    }
    return projections;
  }

  async describeRoles(roles: Role[]): Promise<string[]> {
    const labels: string[] = [];
    for (const role of roles) {
      const { label } = await this.roles.describe(role);
      labels.push(`${label} ${await slugOf(role.name)}`);
    }
    return labels;
  }

  async loadRoles(ids: string[]): Promise<Role[]> {
    const loaded: Role[] = [];
    for (const id of ids) {
      loaded.push(await this.projector.load(id));
//                ^^^^^ await-in-loop
    }
    return loaded;
  }

  async remind(ids: string[]): Promise<void> {
    for (const id of ids) {
      await remindLater(id);
//    ^^^^^ await-in-loop
    }
  }

  async formatRoles(roles: Role[]): Promise<Role[]> {
    const formatted: Role[] = [];
    for (const role of roles) {
      formatted.push(await this.roles.format(role));
//                   ^^^^^ await-in-loop
    }
    return formatted;
  }
}

export async function projectAll(projector: Projector<Role>, groups: Role[][]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const group of groups) {
    out.push(await projector.projectMany(group));
  }
  return out;
}

// valid
// The port's adapter: its projections compute on the spot, `describe` is async but awaits nothing, `load` asks the server.
import type { Projector } from './projector';

export interface Role {
  id: string;
  name: string;
}

declare function fetchRole(id: string): Promise<Role>;

export class RoleProjector implements Projector<Role> {
  projectSimple(role: Role): Record<string, unknown> {
    return { id: role.id, name: role.name };
  }

  projectMany(roles: Role[]): Array<Record<string, unknown>> {
    return roles.map((role) => this.projectSimple(role));
  }

  async describe(role: Role) {
    return { label: `${role.name} (${role.id})` };
  }

  async load(id: string): Promise<Role> {
    return fetchRole(id);
  }

  format(role: Role): Role {
    return { ...role, name: role.name.trim() };
  }
}

export function slugOf(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '-');
}

export function remindLater(id: string): Promise<void> {
  return fetchRole(id).then(() => undefined);
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role } from './role.entity';

@Injectable()
export class RoleService {
  constructor(@InjectRepository(Role) private readonly roles: Repository<Role>) {}

  /** Run by the initializer when the application starts. */
  async initRoles(assignable: string[]) {
    await this.removeUnknownPermissions(assignable);
  }

  /** The initializer calls it at boot, and an admin can ask for it too. */
  async restoreDefaults(codes: string[]) {
    for (const code of codes) {
      await this.roles.update({ code }, { permissions: [] });
//          ^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async archive(ids: number[]) {
    for (const id of ids) {
      await this.roles.delete(id);
//          ^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  private async removeUnknownPermissions(assignable: string[]) {
    const roles = await this.roles.find();
    for (const role of roles) {
      role.permissions = role.permissions.filter((permission) => assignable.includes(permission));
      await this.roles.save(role);
    }
  }
}

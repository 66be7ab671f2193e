// valid
import { Injectable, OnModuleInit } from '@nestjs/common';
import { RoleService } from './roles/role.service';

@Injectable()
export class InitializerService implements OnModuleInit {
  constructor(private readonly roleService: RoleService) {}

  async onModuleInit() {
    await this.roleService.initRoles(['read', 'write']);
    await this.roleService.restoreDefaults(['admin']);
  }
}

// valid
import { Injectable, OnModuleInit } from '@nestjs/common';
import { RoleService } from './roles/role.service';
import { JobQueue } from './jobs/job-queue';

@Injectable()
export class InitializerService implements OnModuleInit {
  constructor(
    private readonly roleService: RoleService,
    private readonly jobs: JobQueue,
  ) {}

  async onModuleInit() {
    await this.roleService.initRoles(['read', 'write']);
    await this.roleService.restoreDefaults(['admin']);
    // The processor is registered at boot and runs on every job.
    this.jobs.process('archive-roles', (ids) => this.roleService.archive(ids));
  }
}

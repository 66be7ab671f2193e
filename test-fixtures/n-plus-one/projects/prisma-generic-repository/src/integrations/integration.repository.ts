import { Injectable } from '@nestjs/common';
import { PrismaRepository } from '../database/prisma.service';

@Injectable()
export class IntegrationRepository {
  constructor(private readonly integrations: PrismaRepository<'integration'>) {}

  getById(organizationId: string, id: string) {
    return this.integrations.model.integration.findFirst({ where: { id, organizationId, deletedAt: null } });
  }

  async disableAll(organizationId: string) {
    const list = await this.integrations.model.integration.findMany({ where: { organizationId } });
    for (const integration of list) {
      await this.integrations.model.integration.update({ where: { id: integration.id }, data: { disabled: true } });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async disableAllAtOnce(organizationId: string) {
    await this.integrations.model.integration.updateMany({ where: { organizationId }, data: { disabled: true } });
  }
}

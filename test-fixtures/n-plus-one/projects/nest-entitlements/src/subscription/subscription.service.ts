// valid
import { db } from '../db';
import { BillingService } from '../billing/billing.service';

export class SubscriptionService {
  constructor(private readonly billing: BillingService) {}

  async updateLicensed(workspaceId: string) {
    const entitlements = await this.billing.entitlement(workspaceId);
    await db.project.updateMany({ where: { workspaceId }, data: { licensed: entitlements.length > 0 } });
  }

  async updateLimit(workspaceId: string, plan: string) {
    const limit = await this.billing.planLimit(plan);
    await db.workspace.update({ where: { id: workspaceId }, data: { projectLimit: limit } });
  }
}

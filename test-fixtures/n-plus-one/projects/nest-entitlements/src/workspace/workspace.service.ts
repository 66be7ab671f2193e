import { db } from '../db';
import { SubscriptionService } from '../subscription/subscription.service';

export class WorkspaceService {
  constructor(private readonly subscriptions: SubscriptionService) {}

  // Each workspace waits on the payment provider before its write: the provider is the slow part.
  async recheckLicenses() {
    const workspaces = await db.workspace.findMany({ select: { id: true } });
    for (const workspace of workspaces) {
      await this.subscriptions.updateLicensed(workspace.id);
//    ^^^^^ await-in-loop
    }
  }

  // The limit is answered in the code: the write per workspace is the work.
  async applyPlan(plan: string) {
    const workspaces = await db.workspace.findMany({ select: { id: true } });
    for (const workspace of workspaces) {
      await this.subscriptions.updateLimit(workspace.id, plan);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

// valid
import Stripe from 'stripe';
import { db } from '../db';

const PLAN_LIMITS: Record<string, number> = { free: 3, team: 20 };

export class BillingService {
  private readonly stripe: Stripe;

  constructor(apiKey: string) {
    this.stripe = new Stripe(apiKey);
  }

  async client(): Promise<Stripe> {
    return this.stripe;
  }

  /** Asks the payment provider, through the client this service keeps. */
  async entitlement(customerId: string) {
    const client = await this.client();
    const entitlements = await client.entitlements.activeEntitlements.list({ customer: customerId });
    return entitlements.data;
  }

  async recordUsage(workspaceId: string, amount: number) {
    await db.usage.create({ data: { workspaceId, amount } });
  }

  /** Answered from the code: no call leaves the process. */
  async planLimit(plan: string): Promise<number> {
    return PLAN_LIMITS[plan] ?? 0;
  }
}

// valid
import { Injectable } from '@nestjs/common';
import { BillingService } from '@billing/billing/billing.service';

@Injectable()
export class AccountsService {
  constructor(private readonly billing: BillingService) {}

  /** Closing an account cancels its billing first. */
  async closeAccount(organizationId: string) {
    await this.billing.cancelSubscription(organizationId);
  }
}

import { Body, Controller, Delete, Post } from '@nestjs/common';
import { AccountsService } from '@billing/accounts/accounts.service';
import { BillingService } from '@billing/billing/billing.service';
import { Notifier } from '@billing/billing/notifier';
import { OrganizationRepository } from '@billing/organizations/organization.repository';

@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly billingService: BillingService,
    private readonly accountsService: AccountsService,
    private readonly organizations: OrganizationRepository,
    private readonly notifier: Notifier,
  ) {}

  @Post('cancel')
  async cancelAll(@Body('organizationIds') organizationIds: string[]) {
    for (const organizationId of organizationIds) {
      await this.billingService.cancelSubscription(organizationId);
//    ^^^^^ await-in-loop
    }
  }

  @Delete()
  async closeAll(@Body('organizationIds') organizationIds: string[]) {
    for (const organizationId of organizationIds) {
      await this.accountsService.closeAccount(organizationId);
//    ^^^^^ await-in-loop
    }
  }

  @Post('suspend')
  async suspendAll(@Body('organizationIds') organizationIds: string[]) {
    await Promise.all(organizationIds.map((organizationId) => this.billingService.suspend(organizationId)));
//        ^^^^^^^^^^^ unbounded-promise-all
  }

  @Post('cancelled')
  async markAll(@Body('organizationIds') organizationIds: string[]) {
    for (const organizationId of organizationIds) {
      await this.organizations.markCancelled(organizationId);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  @Post('notify')
  async notifyAll(@Body('organizationIds') organizationIds: string[]) {
    for (const organizationId of organizationIds) {
      await this.notifier.notify(organizationId);
//          ^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

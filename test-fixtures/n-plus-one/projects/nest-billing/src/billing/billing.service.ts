import { Injectable } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import Stripe from 'stripe';
import { OrganizationRepository } from '@billing/organizations/organization.repository';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');

@Injectable()
export class BillingService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly mailer: Transporter,
  ) {}

  /** Cancels the subscription at the payment provider, then records it. */
  async cancelSubscription(organizationId: string) {
    const organization = await this.organizations.findById(organizationId);
    if (!organization?.subscriptionId) return;
    await stripe.subscriptions.cancel(organization.subscriptionId);
    await this.organizations.markCancelled(organizationId);
  }

  /** Records the suspension, then tells the owner by mail. */
  async suspend(organizationId: string) {
    await this.organizations.markSuspended(organizationId);
    await this.notifyOwner(organizationId);
  }

  /** Each suspension also mails its owner: the loop waits on the mail server. */
  async suspendMany(organizationIds: string[]) {
    for (const organizationId of organizationIds) {
      await this.suspend(organizationId);
//    ^^^^^ await-in-loop
    }
  }

  private async notifyOwner(organizationId: string) {
    await this.mailer.sendMail({ to: `owner+${organizationId}@example.com`, subject: 'Your organization is suspended' });
  }
}

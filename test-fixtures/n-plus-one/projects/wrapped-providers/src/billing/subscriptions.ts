// valid
import { prisma } from '@/lib/prisma';
import { getStripe } from '@/billing/stripe';

/** Reads the user's subscriptions, then cancels each at the payment provider: a read per call, a cancel per subscription found (often none). */
export async function cancelUserSubscriptions(userId: string) {
  const subscriptions = await prisma.subscription.findMany({ where: { userId, active: true } });
  const stripe = getStripe();
  for (const subscription of subscriptions) {
    await stripe.subscriptions.cancel(subscription.id);
  }
}

export async function deleteStripeCustomer(customerId: string) {
  await getStripe().customers.del(customerId);
}

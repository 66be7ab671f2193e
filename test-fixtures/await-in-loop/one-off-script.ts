// valid
// A one-off script: it runs once from a terminal and exits, and its loop waits for the developer who started it.
import Stripe from 'stripe';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');

async function backfillPriceIds(): Promise<void> {
  const accounts = await prisma.account.findMany({ where: { plan: 'PRO' }, select: { id: true, stripeCustomerId: true } });
  let done = 0;
  for (const account of accounts) {
    done += 1;
    console.log(`(${done}/${accounts.length}) ${account.id}`);
    if (!account.stripeCustomerId) continue;
    const subscriptions = await stripe.subscriptions.list({ customer: account.stripeCustomerId });
    const priceId = subscriptions.data[0]?.items.data[0]?.price.id;
    if (priceId) await prisma.account.update({ where: { id: account.id }, data: { priceId } });
  }
}

backfillPriceIds()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());

import { PrismaClient } from '@prisma/client';
import Stripe from 'stripe';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { lookup } from 'node:dns/promises';
import nodemailer from 'nodemailer';

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
const s3 = new S3Client({});
const mailer = nodemailer.createTransport({ host: process.env.SMTP_HOST });

interface Upload {
  name: string;
  body: Buffer;
}

// The row records what the upload returned: the uploads are the slow part, so the loop is a concurrency finding.
export async function importMedia(organizationId: string, uploads: Upload[]) {
  const saved = [];
  for (const upload of uploads) {
    const key = `${organizationId}/${upload.name}`;
    const stored = await s3.send(new PutObjectCommand({ Bucket: 'media', Key: key, Body: upload.body }));
//                 ^^^^^ await-in-loop
    const media = await prisma.media.create({ data: { organizationId, key, etag: stored.ETag ?? '' } });
    saved.push(media);
  }
  return saved;
}

// A nightly job: each workspace's usage needs its Stripe subscription, and the quarantine depends on both.
export async function checkUsage(workspaces: Array<{ id: string; stripeId: string; limit: number }>) {
  for (const workspace of workspaces) {
    const subscription = await stripe.subscriptions.retrieve(workspace.stripeId);
//                       ^^^^^ await-in-loop
    const periodStart = new Date(subscription.current_period_start * 1000);
    const used = await prisma.result.count({ where: { workspaceId: workspace.id, createdAt: { gte: periodStart } } });
    if (used > workspace.limit) {
      await prisma.workspace.update({ where: { id: workspace.id }, data: { isQuarantined: true } });
    }
  }
}

// A failed charge is recorded in the catch of the call that failed.
export async function chargeAll(invoices: Array<{ id: string; customer: string; amount: number }>) {
  for (const invoice of invoices) {
    try {
      await stripe.paymentIntents.create({ customer: invoice.customer, amount: invoice.amount, currency: 'eur', confirm: true });
//    ^^^^^ await-in-loop
    } catch {
      await prisma.invoice.update({ where: { id: invoice.id }, data: { status: 'failed' } });
    }
  }
}

// Only the addresses that resolve are stored: a check of each item, and the rows that pass can be created in one statement.
export async function saveFeedItems(feedId: string, items: Array<{ link: string; title: string }>) {
  await Promise.all(
    items.map(async (item) => {
      try {
        await lookup(new URL(item.link).hostname);
      } catch {
        return null;
      }
      return prisma.link.create({ data: { feedId, url: item.link, title: item.title } });
//           ^^^^^^^^^^^^^^^^^^ n-plus-one
    }),
  );
}

// A mail per member, and a flag set once the mail went out.
export async function remindMembers(members: Array<{ id: string; email: string }>) {
  for (const member of members) {
    const sent = await mailer.sendMail({ to: member.email, subject: 'Your trial ends tomorrow' });
//               ^^^^^ await-in-loop
    if (!sent) continue;
    await prisma.member.update({ where: { id: member.id }, data: { remindedAt: new Date() } });
  }
}

// The files go first, but the rows do not need them: clearing the rows is one updateMany, so both findings stand.
export async function clearArchives(links: Array<{ id: number; collectionId: number }>, removeFiles: (id: number, collection: number) => Promise<void>) {
  for (const link of links) {
    await removeFiles(link.id, link.collectionId);
//  ^^^^^ await-in-loop
    await prisma.link.update({ where: { id: link.id }, data: { pdf: null, image: null } });
//        ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

// The query comes first and needs nothing from the mail: still one read per member.
export async function notifyOwners(projects: Array<{ ownerId: string; name: string }>) {
  for (const project of projects) {
    const owner = await prisma.user.findUnique({ where: { id: project.ownerId } });
//                      ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (owner) await mailer.sendMail({ to: owner.email, subject: `${project.name} was archived` });
//             ^^^^^ await-in-loop
  }
}

// A mail helper of the project's own may run queries of its own: it is not counted as other work.
async function sendTrialMail(email: string) {
  const template = await prisma.template.findFirst({ where: { name: 'trial-ends', audience: email.split('@')[1] } });
  return mailer.sendMail({ to: email, subject: template?.subject ?? 'Your trial ends tomorrow' });
}

export async function remindTrialMembers(members: Array<{ id: string; email: string }>) {
  for (const member of members) {
    const sent = await sendTrialMail(member.email);
//                     ^^^^^^^^^^^^^ n-plus-one
    if (sent.accepted.length > 0) await prisma.member.update({ where: { id: member.id }, data: { remindedAt: new Date() } });
//                                      ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

// Each file's row needs its upload: the uploads run at once, over a list of unknown size.
export async function storeAll(uploads: Upload[]) {
  return Promise.all(
//       ^^^^^^^^^^^ unbounded-promise-all
    uploads.map(async (upload) => {
      const stored = await s3.send(new PutObjectCommand({ Bucket: 'media', Key: upload.name, Body: upload.body }));
      return prisma.media.create({ data: { key: upload.name, etag: stored.ETag ?? '' } });
    }),
  );
}

// The owner is read by the item's own key: the charge check only filters the items, so one query for every owner still answers it.
export async function notifyOwnersOfDueInvoices(accounts: Array<{ customerId: string; ownerId: string }>) {
  for (const account of accounts) {
    const invoice = await stripe.invoices.retrieveUpcoming({ customer: account.customerId });
//                  ^^^^^ await-in-loop
    if (invoice.amount_due === 0) continue;
    const owner = await prisma.user.findUnique({ where: { id: account.ownerId } });
//                      ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    console.log(owner?.email, invoice.amount_due);
  }
}

// The customer is read by what the charge returned: the loop waits on the charges, one concurrency finding.
export async function customersOfCharges(chargeIds: string[]) {
  for (const chargeId of chargeIds) {
    const charge = await stripe.charges.retrieve(chargeId);
//                 ^^^^^ await-in-loop
    if (!charge.paid) continue;
    const customer = await prisma.customer.findUnique({ where: { stripeId: String(charge.customer) } });
    console.log(customer?.id);
  }
}

// A loop over what one customer or account has set up (a customer's subscriptions, an account's connections) or over
// the parts of one record runs a few turns. Lists of everyone, or an account's data, are reported.
import Stripe from 'stripe';
import { PrismaClient } from '@prisma/client';

const stripe = new Stripe('sk_test');
const prisma = new PrismaClient();

declare function listFolders(connectionId: string): Promise<string[]>;
declare function sendReceipt(email: string): Promise<void>;

export async function cancelSubscriptions(customerId: string): Promise<void> {
  const subscriptions = await stripe.subscriptions.list({ customer: customerId });
  for (const subscription of subscriptions.data) {
    await stripe.subscriptions.cancel(subscription.id);
  }
}

export async function voidOpenInvoices(subscriptionId: string): Promise<void> {
  const invoices = await stripe.invoices.list({ subscription: subscriptionId, status: 'open' });
  for (const invoice of invoices.data) {
    await stripe.invoices.voidInvoice(invoice.id);
  }
}

export async function folders(emailAccountId: string): Promise<string[]> {
  const account = await prisma.emailAccount.findUnique({
    where: { id: emailAccountId },
    select: { driveConnections: { where: { isConnected: true } } },
  });
  const found: string[] = [];
  for (const connection of account?.driveConnections ?? []) {
    found.push(...(await listFolders(connection.id)));
  }
  return found;
}

export async function sourceFolders(emailAccountId: string): Promise<string[]> {
  const connections = await prisma.driveConnection.findMany({ where: { emailAccountId } });
  const found: string[] = [];
  for (const connection of connections) {
    found.push(...(await listFolders(connection.id)));
  }
  return found;
}

export async function receiptsForEveryone(): Promise<void> {
  const customers = await stripe.customers.list({ limit: 100 });
  for (const customer of customers.data) {
    if (customer.email) await sendReceipt(customer.email);
    //                  ^^^^^ await-in-loop
  }
}

export async function receiptsForOrders(userId: string): Promise<void> {
  const orders = await prisma.order.findMany({ where: { userId } });
  for (const order of orders) {
    await sendReceipt(order.email);
//  ^^^^^ await-in-loop
  }
}

/** The drives one account connected, handed back one for one by a helper. */
async function connectedDrives(emailAccountId: string) {
  const drives = await prisma.driveConnection.findMany({ where: { emailAccountId } });
  const usable = [];
  for (const drive of drives) {
    if (drive.isConnected) usable.push({ id: drive.id, provider: drive.provider });
  }
  return usable;
}

/** Every account's drives: as many as there are accounts. */
async function everyDrive() {
  const drives = await prisma.driveConnection.findMany({ where: { isConnected: true } });
  return drives.map((drive) => ({ id: drive.id }));
}

export async function driveFolders(emailAccountId: string): Promise<string[]> {
  const found: string[] = [];
  for (const drive of await connectedDrives(emailAccountId)) {
    found.push(...(await listFolders(drive.id)));
  }
  return found;
}

export async function allDriveFolders(): Promise<string[]> {
  const found: string[] = [];
  const drives = await everyDrive();
  for (const drive of drives) {
    found.push(...(await listFolders(drive.id)));
    //             ^^^^^ await-in-loop
  }
  return found;
}

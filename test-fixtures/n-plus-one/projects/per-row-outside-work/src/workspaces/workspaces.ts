import { Prisma } from '@prisma/client';
import Stripe from 'stripe';
import { prisma } from '@/lib/prisma';
import { dropSearchTenant } from '@/search/index-client';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');

export class StorageError extends Error {}

/** Deletes the workspace, then drops the search tenant of each of its collections: often none. */
export async function deleteWorkspace(workspaceId: string): Promise<void> {
  try {
    const deleted = await prisma.workspace.delete({ where: { id: workspaceId }, select: { id: true, collections: { select: { id: true } } } });
    for (const collection of deleted.collections) {
      await dropSearchTenant(collection.id);
//    ^^^^^ await-in-loop
    }
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError) throw new StorageError(error.message);
    throw error;
  }
}

/** Closes the workspace's account at the payment provider on every call, then deletes the row. */
export async function closeWorkspace(workspaceId: string, customerId: string): Promise<void> {
  await stripe.customers.del(customerId);
  await prisma.workspace.delete({ where: { id: workspaceId } });
}

/** Drops the search tenant of every collection it is handed, then deletes the workspace. */
export async function purgeWorkspace(workspaceId: string, collectionIds: string[]): Promise<void> {
  for (const collectionId of collectionIds) {
    await dropSearchTenant(collectionId);
//  ^^^^^ await-in-loop
  }
  await prisma.workspace.delete({ where: { id: workspaceId } });
}

import { prisma } from '@/lib/prisma';
import { cancelUserSubscriptions, deleteStripeCustomer } from '@/billing/subscriptions';
import { recordAndPost, trackActivity } from '@/webhooks/publish';
import { uploadAvatar } from '@/users/avatars';

export async function removeUsers(users: Array<{ id: string; customerId: string }>) {
  for (const user of users) {
    await cancelUserSubscriptions(user.id);
//        ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    await deleteStripeCustomer(user.customerId);
//  ^^^^^ await-in-loop
    await prisma.user.delete({ where: { id: user.id } });
//        ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function announce(workspaceId: string, url: string, payloads: unknown[]) {
  for (const body of payloads) {
    await recordAndPost(workspaceId, url, body);
//  ^^^^^ await-in-loop
  }
}

export async function replaceAvatars(users: Array<{ id: string; file: Blob }>) {
  for (const user of users) {
    const avatarUrl = await uploadAvatar(user.file);
//                    ^^^^^ await-in-loop
    await prisma.user.update({ where: { id: user.id }, data: { avatarUrl } });
  }
}

export async function trackAll(workspaceId: string, actions: string[]) {
  for (const action of actions) {
    await trackActivity(workspaceId, action);
//        ^^^^^^^^^^^^^ n-plus-one
  }
}

// Promises pushed in a loop and awaited together: a query per item is one problem, reported once,
// as n-plus-one with the batched form, also when the loop pushes other work beside it. Other work pushed alone stays unbounded-promise-all's finding.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function archivePosts(ids: string[]): Promise<void> {
  const archived: Array<Promise<unknown>> = [];
  for (const id of ids) archived.push(prisma.post.update({ where: { id }, data: { archived: true } }));
  //                                  ^^^^^^^^^^^^^^^^^^ n-plus-one
  await Promise.all(archived);
}

export async function notifyAuthors(emails: string[]): Promise<void> {
  const sent: Array<Promise<Response>> = [];
  for (const email of emails) sent.push(fetch('https://mail.example.com/send', { method: 'POST', body: email }));
  await Promise.all(sent);
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function refreshPosts(ids: string[]): Promise<void> {
  const refreshed: Array<Promise<unknown>> = [];
  for (const id of ids) {
    refreshed.push(prisma.post.update({ where: { id }, data: { refreshedAt: new Date() } }));
    //             ^^^^^^^^^^^^^^^^^^ n-plus-one
    refreshed.push(fetch(`https://cdn.example.com/purge/${id}`, { method: 'POST' }));
  }
  await Promise.all(refreshed);
}

import { prisma } from '@/lib/prisma';
import { logger } from '@/lib/logger';

/** Posts an event to one endpoint: no query, a request to another service. */
export async function postEvent(url: string, body: unknown) {
  await fetch(url, { method: 'POST', body: JSON.stringify(body) });
}

/** Records the event, then posts it through the wrapper above. */
export async function recordAndPost(workspaceId: string, url: string, body: unknown) {
  await prisma.event.create({ data: { workspaceId, body: JSON.stringify(body) } });
  await postEvent(url, body);
}

export async function recordAll(workspaceId: string, payloads: unknown[]) {
  for (const body of payloads) {
    await prisma.event.create({ data: { workspaceId, body: JSON.stringify(body) } });
//        ^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

/** Flushes the logs only when the write failed: each call does one write, no other work. */
export async function trackActivity(workspaceId: string, action: string) {
  try {
    await prisma.activity.create({ data: { workspaceId, action } });
  } catch {
    await logger.flush();
  }
}

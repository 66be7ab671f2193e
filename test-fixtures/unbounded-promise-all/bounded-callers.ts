// A helper this file keeps to itself, handed a page of views by each of its callers, starts at most a
// page of calls. The same helper handed every view of a link is reported.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

declare function getViewDuration(viewId: string): Promise<number>;

async function withDurations(views: Array<{ id: string }>) {
  const pending = views.map((view) => getViewDuration(view.id));
  const durations = await Promise.all(pending);
  return views.map((view, index) => ({ ...view, duration: durations[index] }));
}

export async function listViews(documentId: string, page: number, limit: number, plan: string) {
  const views = await prisma.view.findMany({ where: { documentId }, skip: (page - 1) * limit, take: limit });
  const visible = plan === 'free' && page > 1 ? [] : views;
  return withDurations(visible);
}

async function withLinkDurations(views: Array<{ id: string }>) {
  const pending = views.map((view) => getViewDuration(view.id));
  return Promise.all(pending);
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function linkVisits(linkId: string, plan: string) {
  const views = await prisma.view.findMany({ where: { linkId }, orderBy: { viewedAt: 'desc' } });
  const visible = plan === 'free' ? views.slice(0, 20) : views;
  return withLinkDurations(visible);
}

export async function exportedHelper(views: Array<{ id: string }>) {
  return Promise.all(views.map((view) => getViewDuration(view.id)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function firstPage(documentId: string) {
  return exportedHelper(await prisma.view.findMany({ where: { documentId }, take: 10 }));
}

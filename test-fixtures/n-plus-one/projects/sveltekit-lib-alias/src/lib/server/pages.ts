// valid
import { prisma } from '$lib/server/prisma';

export async function getPageMonitors(pageId: number) {
  return prisma.pageMonitor.findMany({ where: { pageId } });
}

export function pagePath(page: { slug: string }) {
  return `/pages/${page.slug}`;
}

// valid
import prisma from '@/lib/prisma';

/** Marks the link as archived, then asks the Wayback Machine to keep a copy. */
export async function archiveLink(linkId: number) {
  const link = await prisma.link.update({ where: { id: linkId }, data: { archivedAt: new Date() } });
  await fetch(`https://web.archive.org/save/${encodeURIComponent(link.url)}`);
  return link;
}

/** Pins a link: one UPDATE and nothing else. */
export function pinLink(linkId: number) {
  return prisma.link.update({ where: { id: linkId }, data: { pinned: true } });
}

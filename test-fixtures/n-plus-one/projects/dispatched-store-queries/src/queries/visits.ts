// valid
import columnar from '../lib/columnar';
import prisma from '../lib/prisma';
import { COLUMNAR, RELATIONAL, runOnStore } from '../lib/stores';

export interface VisitInput {
  siteId: string;
  visitorId: string;
  path: string;
  at: Date;
}

export async function saveVisit(visit: VisitInput) {
  return runOnStore({
    [RELATIONAL]: () => prisma.client.visit.create({ data: visit }),
    [COLUMNAR]: () => columnar.insert('visit', [visit]),
  });
}

export async function findSite(siteId: string) {
  return runOnStore({
    [RELATIONAL]: () => prisma.client.site.findUnique({ where: { id: siteId } }),
  });
}

/** Names the stores a query supports, for the admin page: nothing runs. */
export function describeQueries(queries: Record<string, () => Promise<unknown>>) {
  return Object.keys(queries).sort();
}

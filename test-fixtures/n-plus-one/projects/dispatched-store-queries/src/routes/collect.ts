import columnar from '../lib/columnar';
import prisma from '../lib/prisma';
import { describeQueries, findSite, saveVisit, type VisitInput } from '../queries/visits';
import { createVisitor, type VisitorInput } from '../queries/visitors';

export async function collectVisits(request: Request) {
  const visits: VisitInput[] = await request.json();
  for (const visit of visits) {
    await saveVisit(visit);
//        ^^^^^^^^^ n-plus-one
  }
  return new Response(null, { status: 202 });
}

export async function checkSites(siteIds: string[]) {
  const missing: string[] = [];
  for (const siteId of siteIds) {
    if (!(await findSite(siteId))) missing.push(siteId);
//              ^^^^^^^^ n-plus-one
  }
  return missing;
}

export async function importVisitors(visitors: VisitorInput[]) {
  for (const visitor of visitors) {
    await createVisitor(visitor);
//        ^^^^^^^^^^^^^ n-plus-one
  }
}

export async function lookUpVisitors(visitorIds: string[]) {
  const found = [];
  for (const id of visitorIds) {
    found.push(await prisma.runSql('select * from visitor where id = {{id}}', { id }));
//                   ^^^^^^^^^^^^^ n-plus-one
  }
  return found;
}

export async function copyToColumnar(visits: VisitInput[]) {
  for (const visit of visits) {
    await columnar.insert('visit', [visit]);
//        ^^^^^^^^^^^^^^^ n-plus-one
  }
}

const registered: Array<Record<string, () => Promise<unknown>>> = [];

async function register(queries: Record<string, () => Promise<unknown>>) {
  registered.push(queries);
}

export async function registerSiteQueries(siteIds: string[]) {
  for (const siteId of siteIds) {
    await register({ [siteId]: () => prisma.client.site.findUnique({ where: { id: siteId } }) });
  }
}

export async function listQueryStores(names: string[]) {
  const stores = [];
  for (const name of names) {
    stores.push(describeQueries({ [name]: () => prisma.client.visit.findMany() }));
  }
  return stores;
}

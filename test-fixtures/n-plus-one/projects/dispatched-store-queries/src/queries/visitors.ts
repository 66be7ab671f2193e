// valid
import prisma from '../lib/prisma';

export interface VisitorInput {
  id: string;
  siteId: string;
  country: string;
}

export async function createVisitor(visitor: VisitorInput) {
  const { runSql } = prisma;
  await runSql(
    `insert into visitor (id, site_id, country)
     values ({{id}}, {{siteId}}, {{country}})
     on conflict (id) do nothing`,
    { ...visitor },
  );
}

import { conn, getLink } from '../lib/planetscale';
import { chQuery } from '../lib/clickhouse/client';

export async function applyClicks(updates: Array<{ linkId: string; clicks: number }>): Promise<void> {
  for (const update of updates) {
    await conn.execute('UPDATE links SET clicks = clicks + ? WHERE id = ?', [update.clicks, update.linkId]);
//        ^^^^^^^^^^^^ n-plus-one
  }
}

export async function resolveLinks(requests: Array<{ domain: string; key: string }>) {
  return Promise.all(requests.map((request) => getLink(request.domain, request.key)));
//                                             ^^^^^^^ n-plus-one
}

export async function visitorsPerProject(projectIds: string[]) {
  const totals: Record<string, unknown> = {};
  for (const projectId of projectIds) {
    totals[projectId] = await chQuery('SELECT uniq(visitor_id) FROM visits WHERE project_id = {projectId:String}', { projectId });
//                            ^^^^^^^ n-plus-one
  }
  return totals;
}

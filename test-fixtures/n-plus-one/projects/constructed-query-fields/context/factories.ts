// valid
import { createPool } from 'slonik';

import { Queries } from '../db/queries';
import { ReportQueries } from '../db/report-queries';
import { Formatter, RequestContext, RowFormatter } from './request-context';
import type { AppContext } from './types';

export function contextOf(request: { queries: Queries; userId: string }): AppContext {
  return new RequestContext(request.queries, new ReportQueries(request.queries.pool), request.userId);
}

export async function contextForJob(url: string): Promise<RequestContext> {
  const pool = await createPool(url);
  return new RequestContext(new Queries(pool), new ReportQueries(pool), 'job');
}

export const formatterOf = (): Formatter => new Formatter(new RowFormatter());

// valid
import type { Queries } from '../db/queries';
import type { ReportQueries } from '../db/report-queries';

export class RequestContext {
  constructor(
    public readonly queries: Queries,
    public readonly reports: ReportQueries,
    public readonly userId: string,
  ) {}
}

export class RowFormatter {
  render(id: string) {
    return `#${id.padStart(6, '0')}`;
  }
}

export class Formatter {
  constructor(public readonly rows: RowFormatter) {}
}

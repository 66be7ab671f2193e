// valid
import type { CommonQueryMethods } from 'slonik';

import { createInvoiceQueries } from './invoice-queries';
import { ProjectQueries } from './project-queries';

export class Queries {
  readonly invoices: ReturnType<typeof createInvoiceQueries>;
  readonly projects: ProjectQueries;

  constructor(public readonly pool: CommonQueryMethods) {
    this.invoices = createInvoiceQueries(pool);
    this.projects = new ProjectQueries(pool);
  }
}

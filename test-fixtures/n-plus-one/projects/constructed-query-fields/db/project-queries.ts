// valid
import type { CommonQueryMethods } from 'slonik';

import TableQueries from './table-queries';

export class ProjectQueries extends TableQueries {
  constructor(pool: CommonQueryMethods) {
    super(pool, 'projects');
  }
}

// valid
import type { CommonQueryMethods } from 'slonik';

import createRoleQueries from '../queries/roles';
import { createUserQueries } from '../queries/users';

export default class Queries {
  users = createUserQueries(this.pool);
  roles = createRoleQueries(this.pool);

  constructor(public readonly pool: CommonQueryMethods) {}
}

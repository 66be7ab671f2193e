// valid
import { createRoleLibrary } from '../libraries/roles';
import type Queries from './queries';

export default class Libraries {
  roles = createRoleLibrary(this.queries);

  constructor(public readonly queries: Queries) {}
}

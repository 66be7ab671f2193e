// valid
import { sql, type CommonQueryMethods } from 'slonik';

export class ReportQueries {
  constructor(private readonly pool: CommonQueryMethods) {}

  async countFor(userId: string) {
    return this.pool.oneFirst(sql`select count(*) from reports where user_id = ${userId}`);
  }
}

// valid
import pgPromise, { type IDatabase, type ITask } from 'pg-promise';

const pgp = pgPromise();

export interface QueryExecutor {
  select(query: string, params?: object): Promise<unknown[]>;
  selectOneOrNone(query: string, params?: object): Promise<unknown>;
  result(query: string, params?: object): Promise<number>;
  tx<T>(work: (qx: QueryExecutor) => Promise<T>): Promise<T>;
}

const formatQuery = (query: string, params?: object): string => pgp.as.format(query, params);

export class PgPromiseQueryExecutor implements QueryExecutor {
  constructor(private readonly db: IDatabase<unknown> | ITask<unknown>) {}

  select(query: string, params?: object): Promise<unknown[]> {
    return this.db.any(formatQuery(query, params));
  }

  selectOneOrNone(query: string, params?: object): Promise<unknown> {
    return this.db.oneOrNone(formatQuery(query, params));
  }

  async result(query: string, params?: object): Promise<number> {
    const outcome = await this.db.result(formatQuery(query, params));
    return outcome.rowCount;
  }

  tx<T>(work: (qx: QueryExecutor) => Promise<T>): Promise<T> {
    return this.db.tx((t) => work(new PgPromiseQueryExecutor(t)));
  }
}

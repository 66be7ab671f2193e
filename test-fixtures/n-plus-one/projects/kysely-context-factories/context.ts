// valid
import type { Kysely } from 'kysely';

import { createProjectQueries } from './queries/projects';
import type { Schema } from './schema';

export class Queries {
  projects = createProjectQueries(this.db);

  constructor(public readonly db: Kysely<Schema>) {}
}

export abstract class AppContext {
  abstract readonly queries: Queries;
  abstract readonly region: string;
}

type Handler<T> = (router: T, context: AppContext) => void;

export type HandlerArgs<T> = Parameters<Handler<T>>;

import { lookupExport, packageMemberOf, type ProjectModels } from '../analysis/orm-index';
import { clientMethodResult, packageConstructed, type Orm, type OrmValue } from '../analysis/orm';
import type { ProjectFacts, TypeRef } from '../project';

/**
 * A client an export holds, or returns when it is a function (`factory`), made by calling functions
 * other files export (`export const db = createDb(schema)` with `createDb` of a workspace package):
 * which client, if any, is known once those functions are. `orm`: what the makers this file writes make.
 */
export interface MadeClient {
  /** `constructed`: a class constructed (`new PrismaClient()` of a workspace package that re-exports `@prisma/client`), not a function called. */
  makers: Array<TypeRef & { constructed?: true }>;
  orm?: Orm;
  factory?: true;
  /** The method called on the client the makers make, with no arguments (`client.db()`): the export is what it hands out. */
  method?: string;
}

/**
 * The exports of the project made by other files' functions, resolved once those are known (a factory's
 * result may itself come from another factory's, hence the rounds): all makers must make a client of one ORM.
 */
export function resolveMadeClients(files: readonly ProjectFacts[], merged: ProjectModels, rounds: number): void {
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    for (const facts of files) {
      for (const [name, made] of Object.entries(facts.made ?? {})) {
        if (merged.exports[facts.file]?.[name]) continue;
        const orm = madeOrm(merged, facts.path, made);
        if (!orm) continue;
        const makes = madeKind(merged, facts.path, made);
        const client: OrmValue = { kind: makes ?? 'client', orm };
        const held = made.method === undefined ? client : clientMethodResult(client, made.method);
        if (!held) continue;
        (merged.exports[facts.file] ??= {})[name] = made.factory ? { kind: 'factory', orm, ...(makes && { makes }) } : held;
        changed = true;
      }
    }
    if (!changed) return;
  }
}

function madeOrm(merged: ProjectModels, path: string, made: MadeClient): Orm | undefined {
  let orm = made.orm;
  for (const maker of made.makers) {
    const value = makerValue(merged, path, maker);
    if (value?.kind !== 'factory' || (orm && value.orm !== orm)) return undefined;
    orm = value.orm;
  }
  return orm;
}

/** What a maker is: the factory another file exports, or the class it constructs taken as one. */
function makerValue(merged: ProjectModels, path: string, maker: MadeClient['makers'][number]): OrmValue | undefined {
  return maker.constructed ? constructedValue(merged, path, maker) : lookupExport(merged, path, maker.module, maker.name);
}

/** What constructing a class another file of the project re-exports from a database package makes, as a factory of it. */
function constructedValue(merged: ProjectModels, path: string, maker: TypeRef): OrmValue | undefined {
  const origin = packageMemberOf(merged, path, maker.module, maker.name);
  const value = origin && packageConstructed(origin);
  if (value?.kind === 'datasource') return { kind: 'factory', orm: value.orm, makes: 'datasource' };
  return value?.kind === 'client' ? { kind: 'factory', orm: value.orm } : undefined;
}

/** What the makers make when it is not a client (`getOrCreateModel` makes models): the same for every maker, else a client. */
function madeKind(merged: ProjectModels, path: string, made: MadeClient): OrmValue['makes'] {
  const kinds = new Set(made.makers.map((maker) => makerValue(merged, path, maker)?.makes));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

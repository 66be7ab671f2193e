import { lookupExport, type ProjectModels } from '../analysis/orm-index';
import type { Orm, OrmValue } from '../analysis/orm';
import type { ProjectFacts, TypeRef } from '../project';

/**
 * A client an export holds, or returns when it is a function (`factory`), made by calling functions
 * other files export (`export const db = createDb(schema)` with `createDb` of a workspace package):
 * which client, if any, is known once those functions are. `orm`: what the makers this file writes make.
 */
export interface MadeClient {
  makers: TypeRef[];
  orm?: Orm;
  factory?: true;
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
        (merged.exports[facts.file] ??= {})[name] = made.factory ? { kind: 'factory', orm, ...(makes && { makes }) } : { kind: makes ?? 'client', orm };
        changed = true;
      }
    }
    if (!changed) return;
  }
}

function madeOrm(merged: ProjectModels, path: string, made: MadeClient): Orm | undefined {
  let orm = made.orm;
  for (const maker of made.makers) {
    const value = lookupExport(merged, path, maker.module, maker.name);
    if (value?.kind !== 'factory' || (orm && value.orm !== orm)) return undefined;
    orm = value.orm;
  }
  return orm;
}

/** What the makers make when it is not a client (`getOrCreateModel` makes models): the same for every maker, else a client. */
function madeKind(merged: ProjectModels, path: string, made: MadeClient): OrmValue['makes'] {
  const kinds = new Set(made.makers.map((maker) => lookupExport(merged, path, maker.module, maker.name)?.makes));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

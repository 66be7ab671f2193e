import { packageManifestOf } from './package-manifest';
import type { ProjectFacts } from './project';
import type { SyntaxSignals } from './syntax-signals';

// What the command decides from cached facts, kept apart from the parser so that a cached run never loads it.

/**
 * What a file can add to the project index, by its syntax: `declarations` when it reaches a
 * database (its models, clients, functions that query); `imports` when it imports other files
 * or packages, which matters when one of them reaches a database (see
 * `ProjectModel.reachingDatabase`); or nothing.
 */
export function projectFactsReach(signals: SyntaxSignals): 'declarations' | 'imports' | 'none' {
  // A file that keeps a MongoDB collection in a property holds a handle as much as one that imports a client; a mixin's members run
  // on the module object another file hands it, whatever it imports; a class that calls finders on a field may be the base its subclasses hand a model.
  if (signals.reachesDatabase || signals.collectionFields.length > 0 || signals.mixin || signals.heldFinders) return 'declarations';
  return signals.imports.length > 0 ? 'imports' : 'none';
}

/** The keys of the facts of a file that only uses the project's functions (see `collectProjectFacts`). */
const USES_ONLY: ReadonlySet<string> = new Set(['file', 'path', 'models', 'exports', 'functionCalls', 'methodCalls', 'methodLists']);

/** Whether a file's facts declare something, beyond the functions it uses: only then can its importers reach a query through it. */
export function declaresBeyondUses(facts: ProjectFacts): boolean {
  return facts.models.length > 0 || facts.exports.length > 0 || Object.keys(facts).some((key) => !USES_ONLY.has(key));
}

/** The package names a package.json depends on (all dependency kinds); empty for unreadable JSON. */
export function dependenciesOf(packageJsonText: string): ReadonlySet<string> {
  return packageManifestOf(packageJsonText).dependencies;
}

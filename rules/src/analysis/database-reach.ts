import type { AnalysisOptions } from '../types';
import type { SyntaxSignals } from '../syntax-signals';
import { indexReaches, type ProjectModels } from './orm-index';
import { importsProjectModule } from '../project-model/resolution';
import { MONGODB_COLLECTION } from './query-kinds';

/** Whether a database is in reach of a file: an ORM package, client or query method it names, a package (Mongoose) its own package depends on, a model of the project it can reach, or a MongoDB method on a property the project holds a collection in. Without one, nothing in it runs a query. */
export function databaseInReach(signals: SyntaxSignals, options: AnalysisOptions): boolean {
  const models = options.project.models as ProjectModels | undefined;
  return (
    signals.reachesDatabase ||
    // `this.model.findOne(...)`: the field may hold a model its subclasses hand it, which it need not import.
    !!signals.heldFinders ||
    options.project.dependencies.has('mongoose') ||
    // A mixin's members run on the module object another file hands it, whatever this file imports.
    indexReaches(models, signals.importsProjectFile || !!signals.mixin || importsProjectModule(models?.resolution, signals.imports)) ||
    (!!models?.collectionFields && signals.methodNames.some((name) => COLLECTION_METHOD_NAMES.has(name)))
  );
}

/** The MongoDB collection methods a file names (`self.apos.doc.db.updateOne(...)`, `find(...).toArray()`) when a property of the project holds a collection. */
const COLLECTION_METHOD_NAMES: ReadonlySet<string> = new Set([...MONGODB_COLLECTION.read, ...MONGODB_COLLECTION.write, 'toArray']);

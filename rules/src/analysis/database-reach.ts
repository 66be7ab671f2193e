import type { AnalysisOptions } from '../types';
import type { SyntaxSignals } from '../syntax-signals';
import { indexReaches, type ProjectModels } from './orm-index';
import { importsProjectModule } from '../project-model/resolution';

/** Whether a database is in reach of a file: an ORM package, client or query method it names, a package (Mongoose) its own package depends on, or a model of the project it can reach. Without one, nothing in it runs a query. */
export function databaseInReach(signals: SyntaxSignals, options: AnalysisOptions): boolean {
  const models = options.project.models as ProjectModels | undefined;
  return (
    signals.reachesDatabase ||
    options.project.dependencies.has('mongoose') ||
    indexReaches(models, signals.importsProjectFile || importsProjectModule(models?.resolution, signals.imports))
  );
}

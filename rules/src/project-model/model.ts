import type ts from 'typescript';
import type { ToESTree } from '../parse';
import { collectProjectFacts, type ProjectFacts } from '../project';
import { ProjectFactsModel } from './facts-model';
import { normalizePath } from './paths';
import { indexSignalsOf, type IndexSignals } from '../syntax-signals';

/** The project model that reads each file's facts from its text: built once by `update` for every file, kept current by `update`/`remove` per changed file. */
export class ProjectModel extends ProjectFactsModel {
  /**
   * Reads a file's declarations from its text (`sourceFile`: its tree, when the caller parsed it
   * already, converted by `toESTree`; `known`: its index signals, when the caller read them already); true when the index changed.
   */
  update(path: string, text: string, sourceFile?: ts.SourceFile, toESTree?: ToESTree, known?: IndexSignals): boolean {
    let facts: ProjectFacts | undefined;
    try {
      facts = collectProjectFacts(text, normalizePath(path), sourceFile, toESTree);
    } catch {
      // A file the index cannot read still gets its own analysis.
      facts = undefined;
    }
    const signals = this.setSignals(path, known ?? indexSignalsOf(text, path));
    return this.setFacts(path, facts) || signals;
  }
}

import * as path from 'node:path';
import { collectProjectFacts, exportsAnyClient, mergeProjectFacts, projectFactsReach, syntaxSignals, type ProjectFacts, type ProjectInfo, type SyntaxSignals } from '../../rules/src';

/**
 * What the rules need to know about the project around a file: the ORM models declared anywhere
 * in its project (one entry per file, so a changed file replaces only its own facts). A project
 * is a workspace folder: two folders may well declare different models of the same name.
 */
export class ProjectIndex {
  private readonly factsByFile = new Map<string, ProjectFacts>();
  private readonly modelsByProject = new Map<string, unknown>();
  /** Files that can only forward queries to another file's client, set aside while no file exports one. */
  private readonly forwarding = new Set<string>();

  /** The project facts for a file with its package's dependencies; `projectRoot` is its workspace folder (none: the file's own facts). */
  info(filePath: string | undefined, projectRoot: string | undefined, dependencies: ReadonlySet<string>): ProjectInfo {
    if (!filePath) return { dependencies };
    const root = projectRoot ?? filePath;
    let models = this.modelsByProject.get(root);
    if (!models) {
      models = mergeProjectFacts([...this.factsByFile].flatMap(([file, facts]) => (isInside(root, file) ? [facts] : [])));
      this.modelsByProject.set(root, models);
    }
    return { dependencies, models };
  }

  /** Records what a file declares; true when that changed the project's models. */
  updateFile(filePath: string, text: string, signals: SyntaxSignals = syntaxSignals(text, filePath)): boolean {
    const reach = projectFactsReach(signals);
    const clientExported = exportsAnyClient(this.factsByFile.values());
    this.forwarding.delete(filePath);
    if (reach === 'forwards' && !clientExported) this.forwarding.add(filePath);
    const readNow = reach === 'declarations' || (reach === 'forwards' && clientExported);
    const facts = readNow ? collectProjectFacts(text, filePath) : undefined;
    const before = this.factsByFile.get(filePath);
    if (!facts && !before) return false;
    if (facts && before && sameFacts(facts, before)) return false;
    if (facts) this.factsByFile.set(filePath, facts);
    else this.factsByFile.delete(filePath);
    this.modelsByProject.clear();
    return true;
  }

  /** The files set aside by `updateFile`, once some file exports a client: they need reading again. */
  takeForwardingFiles(): string[] {
    if (this.forwarding.size === 0 || !exportsAnyClient(this.factsByFile.values())) return [];
    const files = [...this.forwarding];
    this.forwarding.clear();
    return files;
  }

  /** Forgets a deleted file; true when it had declared models. */
  removeFile(filePath: string): boolean {
    this.forwarding.delete(filePath);
    if (!this.factsByFile.delete(filePath)) return false;
    this.modelsByProject.clear();
    return true;
  }
}

/** Whether `file` is `root` or below it. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function sameFacts(a: ProjectFacts, b: ProjectFacts): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

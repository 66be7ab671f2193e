import type { ProjectInfo } from './types';

/**
 * What one file declares that other files' analysis needs: ORM entities and models, with
 * their lazy relations and associations. Built per file (cacheable by content), merged per
 * project. The n-plus-one rule owns the shape.
 */
export interface ProjectFacts {
  models: unknown[];
}

/** The facts a file contributes to the project index, or undefined when it declares nothing of interest. */
export function collectProjectFacts(_text: string, _fileName: string): ProjectFacts | undefined {
  return undefined;
}

/** Merges the facts of every file of a project into what the rules read through `ProjectInfo.models`. */
export function mergeProjectFacts(all: Iterable<ProjectFacts>): unknown {
  return [...all].flatMap((facts) => facts.models);
}

/** The package names a package.json depends on (all dependency kinds); empty for unreadable JSON. */
export function dependenciesOf(packageJsonText: string): Set<string> {
  try {
    const manifest = JSON.parse(packageJsonText) as Record<string, unknown>;
    const names = new Set<string>();
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const section = manifest[key];
      if (section && typeof section === 'object') for (const name of Object.keys(section)) names.add(name);
    }
    return names;
  } catch {
    return new Set();
  }
}

export const EMPTY_PROJECT: ProjectInfo = { dependencies: new Set() };

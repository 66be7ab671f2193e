import type { ProjectFacts } from './project';
import type { SyntaxSignals } from './syntax-signals';

// What the command decides from cached facts, kept apart from the parser so that a cached run never loads it.

/**
 * What a file can add to the project index, by its syntax: its declarations (models, exported
 * clients, forwarded queries); only forwarded queries, which count once another file exports a
 * client; or nothing. Files of the second kind need reading only when some file exports one.
 */
export function projectFactsReach(signals: SyntaxSignals): 'declarations' | 'forwards' | 'none' {
  if (signals.reachesDatabase) return 'declarations';
  return signals.importsProjectFile ? 'forwards' : 'none';
}

/** Whether merged facts hold an exported client or query function that forwarded queries can lead to. */
export function exportsAnyClient(facts: Iterable<ProjectFacts>): boolean {
  for (const fileFacts of facts) if (fileFacts.exports.length > 0) return true;
  return false;
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

import * as path from 'node:path';
import picomatch from 'picomatch';

/** An empty, `.` or `..` segment, or a trailing slash: what `path.relative` would normalize away. */
const TO_NORMALIZE = /\/\.{0,2}(?:\/|$)/;

/** Forward-slash path of `target` relative to `base`, or undefined when `target` is not inside `base`. */
export function inside(base: string, target: string): string | undefined {
  // A listing asks this thousands of times of paths already normal; `path.relative` resolves both each time.
  const relative = isNormalPosix(base) && isNormalPosix(target) ? relativeNormal(base, target) : path.relative(base, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

function isNormalPosix(file: string): boolean {
  return path.sep === '/' && file.startsWith('/') && !TO_NORMALIZE.test(file);
}

/** `path.relative` of two normal absolute paths when one holds the other; '..' otherwise. */
function relativeNormal(base: string, target: string): string {
  if (target === base) return '';
  return target.startsWith(`${base}/`) ? target.slice(base.length + 1) : '..';
}

/** A test of forward-slash relative paths against globs; empty when there are none. */
export type GlobMatcher = ((relative: string) => boolean) | undefined;

/**
 * Globs as `exclude` and `overrides[].files` read them, like .gitignore and ESLint's overrides: a
 * pattern without a slash matches a name at any depth, one with a slash a path from the base folder.
 */
export function globMatcher(patterns: readonly string[] | undefined): GlobMatcher {
  if (!patterns || patterns.length === 0) return undefined;
  const anyDepth = patterns.filter((pattern) => !pattern.includes('/'));
  const fromBase = patterns.filter((pattern) => pattern.includes('/')).map((pattern) => pattern.replace(/^\.?\//, ''));
  const byName = anyDepth.length > 0 ? picomatch(anyDepth, { dot: true, basename: true }) : undefined;
  const byPath = fromBase.length > 0 ? picomatch(fromBase, { dot: true }) : undefined;
  return (relative) => Boolean(byName?.(relative) || byPath?.(relative));
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applyBaseline,
  baselineOf,
  baselineSize,
  ConfigError,
  filterBaseline,
  formatBaseline,
  mergeBaselines,
  type Baseline,
  type ReportFinding,
} from '../../rules/src/data';
import { loadSuppressions } from '../../workspace/src';
import { UsageError, type CliOptions } from './args';
import { writeAtomically } from './write-file';

/** What the suppressions file did to a run's findings. */
export interface BaselineOutcome {
  /** Findings the file does not cover: the ones reported and counted. */
  reported: ReportFinding[];
  /** Findings the file covers. */
  suppressed: ReportFinding[];
  /** What to tell the user on the terminal. */
  notes: string[];
}

/**
 * Applies the suppressions file to the findings of a run over `scope`; with `--suppress-all`
 * records every finding in it first, with `--prune-suppressions` drops its entries that matched
 * nothing. Entries for files outside the run's paths are kept as they are.
 */
export function applySuppressionsFile(options: CliOptions, findings: readonly ReportFinding[], scope: readonly string[], cwd: string): BaselineOutcome {
  const file = path.resolve(cwd, options.suppressionsLocation);
  const shown = options.suppressionsLocation;
  const folder = path.dirname(file);
  let existing: Baseline | undefined;
  try {
    existing = loadSuppressions(file);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message.replace(path.basename(file), shown));
    throw error;
  }
  if (!existing && !options.suppressAll) return { reported: [...findings], suppressed: [], notes: [] };

  // Findings keyed as the file keys them, relative to its own folder.
  const keyed = findings.map((finding) => ({ ...finding, file: toKey(folder, path.resolve(cwd, finding.file)), shown: finding.file }));
  const outside = (key: string): boolean => !scope.some((target) => isInside(target, path.resolve(folder, key)));
  const untouched = filterBaseline(existing ?? {}, outside);
  const back = (rows: typeof keyed): ReportFinding[] => rows.map(({ shown: file, ...row }) => ({ ...row, file }));

  if (options.suppressAll) {
    const recorded = baselineOf(keyed);
    save(file, shown, mergeBaselines(untouched, recorded));
    return { reported: [], suppressed: [...findings], notes: [`recorded ${plural(findings.length, 'finding')} in ${shown}; later runs report only new ones`] };
  }
  const { reported, suppressed, matched, unused } = applyBaseline(keyed, existing!);
  const stale = baselineSize(filterBaseline(unused, (key) => !outside(key)));
  const notes: string[] = [];
  if (options.pruneSuppressions) {
    save(file, shown, mergeBaselines(untouched, matched));
    notes.push(`${shown}: suppressions removed that no longer matched a finding: ${stale}`);
  } else if (stale > 0) {
    notes.push(`${shown}: suppressions that no longer match a finding (fixed or changed code): ${stale}; --prune-suppressions removes them`);
  }
  return { reported: back(reported), suppressed: back(suppressed), notes };
}

function save(file: string, shown: string, baseline: Baseline): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeAtomically(file, formatBaseline(baseline));
  } catch (error) {
    throw new UsageError(`cannot write ${shown}: ${(error as Error).message}`);
  }
}

/** A path as the suppressions file keys it: relative to its folder, forward slashes. */
function toKey(folder: string, file: string): string {
  return path.relative(folder, file).split(path.sep).join('/');
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

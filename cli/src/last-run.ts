import * as path from 'node:path';
import { FILE_ROLES, LineIndex, lineTextAt, RULE_IDS, SEVERITY_SETTINGS, type ReportData, type RuleId, type SeveritySetting } from '../../rules/src/data';
import { readsHold, readWorkspaceFileSync, SETTLE_MS, stampOf, type DiskRecord, type RecordedReads } from '../../workspace/src';
import {
  arrayOf,
  isDirective,
  isFinding,
  isIndex,
  isRecord,
  isString,
  isStringList,
  linkInChain,
  makeFolders,
  oneOf,
  readCacheFile,
  shape,
  writeCacheFile,
  type CachedFinding,
  type Check,
} from './cache';

const LAST_RUN_FILE = 'last-run.json';

/** What a run over paths gives its report, before the baseline and `--quiet` filter it. */
export interface ReusableResult {
  data: ReportData;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  scope: string[];
}

/** The last run as the cache location keeps it: its report without the lines of code, and every path it read with the stamp it had. */
interface StoredRun {
  /** The tool that wrote it: its version and the stamps of its code. */
  tool: string;
  /** A hash of the run's arguments, folder and environment. */
  key: string;
  reads: RecordedReads;
  /** What the run told the terminal before its report. */
  notes: string[];
  result: Omit<ReusableResult, 'data'> & { data: Omit<ReportData, 'findings'> & { findings: CachedFinding[] } };
  /** The files findings are on: their name in the report, their path, and the stamp their lines are read again under. */
  files: Array<[display: string, file: string, stamp: string]>;
}

/**
 * The last run over paths, kept beside the per-file cache: a run with the same arguments, build and
 * environment that finds every folder it listed and every file it read or probed with the stamp it
 * had prints that run's report again, without listing the tree, opening the per-file cache or
 * loading the analysis. Anything it cannot vouch for leaves the run to do its work.
 */
export class LastRun {
  private constructor(
    private readonly root: string,
    private readonly file: string,
    private readonly tool: string,
    private readonly key: string,
  ) {}

  /**
   * The last run's place in the cache location, made now when missing: a run that creates the
   * location inside a listed folder changes that folder's stamp after stamping it. None when the
   * location is refused (a link in its chain).
   */
  static open(root: string, location: string, tool: string, key: string): LastRun | undefined {
    if (linkInChain(root, location) || !makeFolders(root, location)) return undefined;
    return new LastRun(root, path.join(location, LAST_RUN_FILE), tool, key);
  }

  /** The stored result and notes, when they are this run's: the same key and build, every stamp unchanged, and the lines of code readable under the same stamps. */
  reuse(): { result: ReusableResult; notes: string[] } | undefined {
    const stored = readCacheFile(this.file);
    if (!isStoredRun(stored) || stored.tool !== this.tool || stored.key !== this.key || !readsHold(stored.reads)) return undefined;
    const texts = new Map<string, string>();
    for (const [display, file, stamp] of stored.files) {
      const read = readWorkspaceFileSync(file, { maxBytes: Number.MAX_SAFE_INTEGER, limitName: 'the size limit' });
      if (!('text' in read) || stampOf(read.stat) !== stamp) return undefined;
      texts.set(display, read.text);
    }
    const lines = new Map<string, LineIndex>();
    const findings = stored.result.data.findings.map((finding) => {
      const text = texts.get(finding.file) ?? '';
      let index = lines.get(finding.file);
      if (!index) lines.set(finding.file, (index = new LineIndex(text)));
      return { ...finding, lineText: text && lineTextAt(text, index, finding.line) };
    });
    return { result: { ...stored.result, data: { ...stored.result.data, findings } }, notes: stored.notes };
  }

  /**
   * Keeps this run for the next, unless something casts doubt on it: a read that failed other than
   * by a missing path, a path seen two ways, a path changed within the clock's resolution of the
   * run's start, or a read inside the cache location (which this write changes).
   */
  store(record: DiskRecord, startedAt: number, notes: readonly string[], result: ReusableResult, files: ReadonlyMap<string, string>): void {
    if (record.doubt !== undefined || startedAt - record.latestChange < SETTLE_MS || record.touches(path.dirname(this.file))) return;
    const stamped: StoredRun['files'] = [];
    const shown = new Set(result.data.findings.map((finding) => finding.file));
    for (const display of shown) {
      const file = files.get(display);
      const stamp = file === undefined ? undefined : record.stampFor(file);
      if (file === undefined || typeof stamp !== 'string') return;
      stamped.push([display, file, stamp]);
    }
    const findings = result.data.findings.map(({ lineText: _lineText, ...finding }) => finding);
    const stored: StoredRun = {
      tool: this.tool,
      key: this.key,
      reads: record.toJSON(),
      notes: [...notes],
      result: { ...result, data: { ...result.data, findings } },
      files: stamped,
    };
    writeCacheFile(this.root, this.file, stored);
  }
}

const isStamp: Check = (value) => value === null || typeof value === 'string';
const isPair =
  (first: Check, second: Check): Check =>
  (value) =>
    Array.isArray(value) && value.length === 2 && first(value[0]) && second(value[1]);
const isSkipped = shape({ file: isString, reason: isString });
const isCount: Check = (value) =>
  isRecord(value) && Object.entries(value).every(([role, count]) => (FILE_ROLES as readonly string[]).includes(role) && isIndex(count));
const isSeverity = oneOf(...SEVERITY_SETTINGS);
const isSeverities: Check = (value) =>
  isRecord(value) && Object.entries(value).every(([rule, severity]) => RULE_IDS.includes(rule as RuleId) && isSeverity(severity));
const isStoredRun = shape({
  tool: isString,
  key: isString,
  reads: shape({
    stamps: arrayOf(isPair(isString, arrayOf(isPair(isString, isStamp)))),
    presence: arrayOf(isPair(isString, (value) => typeof value === 'boolean')),
  }),
  notes: isStringList,
  result: shape({
    data: shape(
      { root: isString, files: isIndex, findings: arrayOf(isFinding), skipped: arrayOf(isSkipped) },
      { unusedDirectives: arrayOf(isDirective), unchecked: isCount },
    ),
    rules: isSeverities,
    scope: isStringList,
  }),
  files: arrayOf((value) => Array.isArray(value) && value.length === 3 && value.every(isString)),
}) as (value: unknown) => value is StoredRun;

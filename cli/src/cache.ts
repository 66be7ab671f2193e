import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FILE_ROLES, RULE_IDS, type FileRole, type ProjectFacts, type ReportDirective, type ReportFinding, type SyntaxSignals } from '../../rules/src/data';
import { SETTLE_MS, stampOf } from '../../workspace/src';
import { type FileError } from './lint-file';
import { removeLeftoverTemporaries } from './write-file';

/** A finding as the cache keeps it: without the line of code, so that no source text is written outside the sources. */
export type CachedFinding = Omit<ReportFinding, 'lineText'>;

/** What one file's analysis leaves for the report, as the cache keeps it. */
export interface CachedResults {
  findings: CachedFinding[];
  unusedDirectives: ReportDirective[];
  error?: FileError;
  /** The file's role, when that role is not checked. */
  unchecked?: FileRole;
}

/** What the cache knows of one file, valid while its content hash is unchanged. */
interface CacheEntry {
  hash: string;
  /** The file's size, times and inode when the text of `hash` was read: while they stay, the text is not read again. */
  stamp?: string;
  /** What the syntax holds, so that an unchanged file is never parsed to decide what it needs. */
  signals?: SyntaxSignals;
  /** Present once collected; null when the file declares nothing of interest. */
  facts?: ProjectFacts | null;
  /** Findings under one analysis key (configuration, dependencies, project index). */
  results?: CachedResults & { key: string };
}

interface CacheContent {
  /** The tool that wrote the cache: its version and a hash of its code. */
  tool: string;
  entries: Record<string, CacheEntry>;
  importers?: StoredImporters;
}

/** Which files import which, under a key of all they follow from; files by their index in the list they were found for. */
interface StoredImporters {
  key: string;
  /** Each imported file with the files that import it. */
  importers: Array<[number, number[]]>;
}

const CACHE_FILE = 'results.json';

/** Above this a cache file is not read: it is not one this tool wrote for a source tree. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** Per-file results across runs, keyed by content hash, analysis key and the tool; `--no-cache` turns it into a no-op. */
export class ResultCache {
  hits = 0;
  misses = 0;
  private changed = false;
  /** Files read in this run: they exist; the others are checked before the cache is written. */
  private readonly seen = new Set<string>();

  private constructor(
    private readonly file: string | undefined,
    private readonly entries: Map<string, CacheEntry>,
    private readonly tool: string,
    /** Why the cache is not used, when it cannot be used safely. */
    readonly refused?: string,
    private storedImporters?: StoredImporters,
  ) {}

  /**
   * Opens the cache in `location`. Its folders below `root` (the folder the command runs in) must
   * be real folders, not links: a checked-out repository must not point the cache at a file
   * elsewhere. A cache of another version of the tool, unreadable or damaged, starts empty;
   * entries of the wrong shape are dropped.
   */
  static open(location: string | undefined, tool: string, root: string): ResultCache {
    if (!location) return new ResultCache(undefined, new Map(), tool);
    const refused = linkInChain(root, location);
    if (refused) return new ResultCache(undefined, new Map(), tool, refused);
    const file = path.join(location, CACHE_FILE);
    const { entries, importers } = readContent(file, tool);
    return new ResultCache(file, entries, tool, undefined, importers);
  }

  /** Whether a file has a stamp: only then is its stat worth taking. */
  hasStamp(file: string): boolean {
    return this.entries.get(file)?.stamp !== undefined;
  }

  /**
   * The content hash of a file that, by its size, times and inode (`stat`, taken now), has not changed
   * since it was read and stamped (a regular file of at most `maxBytes`).
   */
  unchangedHash(file: string, stat: fs.Stats | undefined, maxBytes: number): string | undefined {
    const entry = this.entries.get(file);
    if (entry?.stamp === undefined || !stat?.isFile() || stat.size > maxBytes || entry.stamp !== stampOf(stat)) return undefined;
    this.seen.add(file);
    return entry.hash;
  }

  /** Records the stat a file had when its text, of this hash, was read (`stat` is from before the read: a write during it changes the times). */
  storeStamp(file: string, hash: string, stat: fs.Stats): void {
    const stamp = stampOf(stat);
    if (Date.now() - Math.max(stat.mtimeMs, stat.ctimeMs) < SETTLE_MS || this.entryFor(file, hash)?.stamp === stamp) return;
    this.update(file, hash, (entry) => (entry.stamp = stamp));
  }

  /** The facts cached for this content, `undefined` if they are not cached, `null` if it declares nothing. */
  facts(file: string, hash: string): ProjectFacts | null | undefined {
    return this.entryFor(file, hash)?.facts;
  }

  /** The syntax signals cached for this content. */
  signals(file: string, hash: string): SyntaxSignals | undefined {
    return this.entryFor(file, hash)?.signals;
  }

  storeSignals(file: string, hash: string, signals: SyntaxSignals): void {
    this.update(file, hash, (entry) => (entry.signals = signals));
  }

  storeFacts(file: string, hash: string, facts: ProjectFacts | undefined): void {
    this.update(file, hash, (entry) => (entry.facts = facts ?? null));
  }

  /** Cached findings for this content under this analysis key; counts a hit or a miss. */
  results(file: string, hash: string, key: string): CachedResults | undefined {
    const results = this.entryFor(file, hash)?.results;
    if (results?.key === key) {
      this.hits++;
      return results;
    }
    this.misses++;
    return undefined;
  }

  storeResults(
    file: string,
    hash: string,
    key: string,
    results: { findings: readonly ReportFinding[]; unusedDirectives: ReportDirective[]; error?: FileError; unchecked?: FileRole },
  ): void {
    const kept = results.findings.map(({ lineText: _lineText, ...finding }) => finding);
    // A fix changes the content: the facts cached for the old content no longer hold.
    this.update(
      file,
      hash,
      (entry) =>
        (entry.results = {
          key,
          findings: kept,
          unusedDirectives: results.unusedDirectives,
          ...(results.error !== undefined && { error: results.error }),
          ...(results.unchecked !== undefined && { unchecked: results.unchecked }),
        }),
    );
  }

  /** The importers stored under this key, for the files in the order they were stored for; undefined under another key. */
  importers(key: string, files: readonly string[]): Map<string, string[]> | undefined {
    const stored = this.storedImporters;
    if (stored?.key !== key) return undefined;
    const importers = new Map<string, string[]>();
    for (const [target, sources] of stored.importers) {
      if (target >= files.length || sources.some((source) => source >= files.length)) return undefined;
      importers.set(
        files[target]!,
        sources.map((source) => files[source]!),
      );
    }
    return importers;
  }

  storeImporters(key: string, files: readonly string[], importers: ReadonlyMap<string, readonly string[]>): void {
    if (!this.file) return;
    const indexOf = new Map(files.map((file, index) => [file, index]));
    this.storedImporters = { key, importers: [...importers].map(([target, sources]) => [indexOf.get(target)!, sources.map((source) => indexOf.get(source)!)]) };
    this.changed = true;
  }

  /** Writes the cache if anything changed (`writeCacheFile`); entries of files that no longer exist are left out. */
  save(root: string): void {
    if (!this.file || !this.changed) return;
    for (const [file] of this.entries) {
      if (!this.seen.has(file) && !fs.existsSync(file)) this.entries.delete(file);
    }
    const content: CacheContent = {
      tool: this.tool,
      entries: Object.fromEntries(this.entries),
      ...(this.storedImporters && { importers: this.storedImporters }),
    };
    writeCacheFile(root, this.file, content);
  }

  private update(file: string, hash: string, change: (entry: CacheEntry) => void): void {
    if (!this.file) return;
    const entry = this.entryFor(file, hash) ?? { hash };
    change(entry);
    this.entries.set(file, entry);
    this.changed = true;
  }

  private entryFor(file: string, hash: string): CacheEntry | undefined {
    this.seen.add(file);
    const entry = this.entries.get(file);
    return entry?.hash === hash ? entry : undefined;
  }
}

/**
 * Writes a file of the cache location without following links: a new file is created beside it
 * and renamed over it, which replaces a link rather than writing to its target. A cache that
 * cannot be written is only a slower next run.
 */
export function writeCacheFile(root: string, file: string, content: unknown): void {
  const location = path.dirname(file);
  let temporary: string | undefined;
  try {
    if (!makeFolders(root, location)) return;
    removeLeftoverTemporaries(location);
    temporary = path.join(location, `.${path.basename(file)}.perf-lint-${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
    // `wx` creates the file or fails: never an existing file, never through a link.
    fs.writeFileSync(temporary, JSON.stringify(content), { flag: 'wx', mode: 0o644 });
    fs.renameSync(temporary, file);
    temporary = undefined;
  } catch {
    // Read-only checkouts and full disks still get their report.
  } finally {
    if (temporary) fs.rmSync(temporary, { force: true });
  }
}

/** A file of the cache location as JSON, read only if it is a regular file of a sane size (not a link, device or pipe); undefined when it cannot be. */
export function readCacheFile(file: string): unknown {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return undefined;
    return JSON.parse(fs.readFileSync(fd, 'utf8')) as unknown;
  } catch {
    // No cache yet, or one that cannot be read.
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The first folder from below `root` down to `location` that is a link or not a folder, as a reason; undefined when none is. */
export function linkInChain(root: string, location: string): string | undefined {
  for (const folder of chain(root, location)) {
    const stat = fs.lstatSync(folder, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (stat.isSymbolicLink()) return `${folder} is a symbolic link`;
    if (!stat.isDirectory()) return `${folder} is not a folder`;
  }
  return undefined;
}

/** The folders to check for `location`: each one below `root` when it is inside it, else only the location itself. */
function chain(root: string, location: string): string[] {
  const relative = path.relative(root, location);
  if (relative === '') return [];
  if (relative.startsWith('..') || path.isAbsolute(relative)) return [location];
  const folders: string[] = [];
  let folder = root;
  for (const part of relative.split(path.sep)) folders.push((folder = path.join(folder, part)));
  return folders;
}

/** Creates the folders of the chain one at a time, refusing any that turns out to be a link; true when the location is a real folder. */
export function makeFolders(root: string, location: string): boolean {
  for (const folder of chain(root, location)) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
    const stat = fs.lstatSync(folder);
    if (stat.isSymbolicLink() || !stat.isDirectory()) return false;
  }
  return true;
}

/** The valid entries of the cache file; a cache of another build, unreadable or damaged, has none. */
function readContent(file: string, tool: string): { entries: Map<string, CacheEntry>; importers?: StoredImporters } {
  const entries = new Map<string, CacheEntry>();
  const stored = readCacheFile(file);
  if (!isRecord(stored) || stored.tool !== tool || !isRecord(stored.entries)) return { entries };
  for (const [name, entry] of Object.entries(stored.entries)) {
    if (path.isAbsolute(name) && isCacheEntry(entry)) entries.set(name, entry);
  }
  return { entries, ...(isStoredImporters(stored.importers) && { importers: stored.importers }) };
}

export type Check = (value: unknown) => boolean;
type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];
type RequiredKeys<T> = Exclude<keyof T, OptionalKeys<T>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
// The tool's messages are a sentence or two; a longer one was not written by it.
const MAX_MESSAGE_LENGTH = 4096;
const isMessage: Check = (value) => typeof value === 'string' && value.length <= MAX_MESSAGE_LENGTH;
const isPosition: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 1;
export const oneOf =
  (...values: readonly unknown[]): Check =>
  (value) =>
    values.includes(value);
export const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);

/** A record with exactly these fields (those marked optional may be absent), each passing its check. */
export function shape(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  // A cached run checks every entry: the checks are looked up once, and no array is made per value.
  const requiredChecks = Object.entries(required);
  const checks = new Map([...Object.entries(optional), ...requiredChecks]);
  return (value) => {
    if (!isRecord(value)) return false;
    for (const [key, check] of requiredChecks) if (!Object.hasOwn(value, key) || !check(value[key])) return false;
    for (const key in value) {
      const check = checks.get(key);
      const item = value[key];
      if (!check || !Object.hasOwn(value, key)) return false;
      if (item !== undefined && !Object.hasOwn(required, key) && !check(item)) return false;
    }
    return true;
  };
}

export function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every(isString);
}

// Every key of the signals and the facts is listed, checked by the compiler: a key missing here would drop its entries on every read.
const isSignals = shape(
  {
    awaitInLoop: isBoolean,
    combinatorOverArray: isBoolean,
    blockingName: isBoolean,
    reachesDatabase: isBoolean,
    importsProjectFile: isBoolean,
    imports: isStringList,
    childEntries: isStringList,
    roleSigns: isStringList,
    fixedLists: isStringList,
    implemented: isStringList,
    settledAsync: isStringList,
    fixedReturns: isStringList,
    enqueuesOnly: isStringList,
    itemCallbacks: isStringList,
    inMemorySchemas: isStringList,
    reexportsAll: isStringList,
    interfaces: isStringList,
    heldTypes: isStringList,
    methodNames: isStringList,
    collectionFields: isStringList,
    globalModels: isStringList,
    graphqlTypes: isStringList,
    reexportsOnly: isBoolean,
  } satisfies Record<RequiredKeys<SyntaxSignals>, Check>,
  {
    syntaxChecked: isBoolean,
    mixin: isBoolean,
    heldFinders: isBoolean,
    containerTokens: shape({ classes: isStringList, binds: isStringList, resolves: isStringList }, {}),
  } satisfies Record<OptionalKeys<SyntaxSignals>, Check>,
);
// Facts are read by the project model, which tolerates missing parts; their top level is checked.
const isFacts = shape(
  { file: isString, path: isString, models: Array.isArray, exports: Array.isArray } satisfies Record<RequiredKeys<ProjectFacts>, Check>,
  {
    reexports: Array.isArray,
    functions: isRecord,
    classes: isRecord,
    fields: isRecord,
    aliases: isRecord,
    injectedCalls: Array.isArray,
    functionCalls: Array.isArray,
    methodCalls: isRecord,
    methodLists: isRecord,
    implementations: Array.isArray,
    made: isRecord,
    callbacks: isRecord,
    handlers: isRecord,
    decorations: isRecord,
    modelFunctions: Array.isArray,
  } satisfies Record<OptionalKeys<ProjectFacts>, Check>,
);

export const isFinding = shape(
  {
    file: isString,
    line: isPosition,
    column: isPosition,
    endLine: isPosition,
    endColumn: isPosition,
    rule: oneOf(...RULE_IDS),
    severity: oneOf('error', 'warning', 'info'),
    message: isMessage,
    fixable: isBoolean,
  },
  { related: arrayOf(isRecord), suggestions: arrayOf(shape({ desc: isMessage })) },
);

export const isDirective = shape({ file: isString, line: isPosition, column: isPosition, endLine: isPosition, endColumn: isPosition, message: isMessage });

const isError = shape({ message: isMessage }, { kind: oneOf('not-analyzed', 'partial', 'rule-failed', 'failed') });

const isCacheEntry = shape(
  { hash: (value) => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) },
  {
    stamp: isString,
    signals: isSignals,
    facts: (value) => value === null || isFacts(value),
    results: shape(
      { key: isString, findings: arrayOf(isFinding), unusedDirectives: arrayOf(isDirective) },
      { error: isError, unchecked: oneOf(...FILE_ROLES) },
    ),
  },
) as (value: unknown) => value is CacheEntry;

export const isIndex: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
const isStoredImporters = shape({
  key: isString,
  importers: arrayOf((pair) => Array.isArray(pair) && pair.length === 2 && isIndex(pair[0]) && arrayOf(isIndex)(pair[1])),
}) as (value: unknown) => value is StoredImporters;

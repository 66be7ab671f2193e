import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileRole, ProjectFacts, ReportFinding, SyntaxSignals } from '../../rules/src';
import { writeAtomically, type FileError } from './lint-file';

/** What the cache knows of one file, valid while its content hash is unchanged. */
interface CacheEntry {
  hash: string;
  /** What the syntax holds, so that an unchanged file is never parsed to decide what it needs. */
  signals?: SyntaxSignals;
  /** Present once collected; null when the file declares nothing of interest. */
  facts?: ProjectFacts | null;
  /** Findings under one analysis key (configuration, dependencies, project index). */
  results?: CachedResults & { key: string };
}

/** What one file's analysis gave: its findings, why it was not (fully) analyzed, or the role that kept it from being checked. */
export interface CachedResults {
  findings: ReportFinding[];
  error?: FileError;
  unchecked?: FileRole;
}

interface CacheContent {
  /** The tool that wrote the cache: its version and a hash of its code. */
  tool: string;
  entries: Record<string, CacheEntry>;
}

const CACHE_FILE = 'results.json';

/** Per-file results across runs, keyed by content hash, analysis key and the tool; `--no-cache` turns it into a no-op. */
export class ResultCache {
  hits = 0;
  misses = 0;
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly content: CacheContent,
  ) {}

  /** Opens the cache in `location`; one written by another version of the tool, or unreadable, starts empty. */
  static open(location: string | undefined, tool: string): ResultCache {
    const empty: CacheContent = { tool, entries: {} };
    if (!location) return new ResultCache(undefined, empty);
    const file = path.join(location, CACHE_FILE);
    try {
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheContent;
      return new ResultCache(file, stored.tool === tool && stored.entries ? stored : empty);
    } catch {
      return new ResultCache(file, empty);
    }
  }

  /** The facts cached for this content, `undefined` if they are not cached, `null` if it declares nothing. */
  facts(file: string, hash: string): ProjectFacts | null | undefined {
    const entry = this.entryFor(file, hash);
    return entry?.facts;
  }

  /** The syntax signals cached for this content. */
  signals(file: string, hash: string): SyntaxSignals | undefined {
    return this.entryFor(file, hash)?.signals;
  }

  storeSignals(file: string, hash: string, signals: SyntaxSignals): void {
    if (!this.file) return;
    const entry = this.entryFor(file, hash) ?? { hash };
    entry.signals = signals;
    this.content.entries[file] = entry;
    this.changed = true;
  }

  storeFacts(file: string, hash: string, facts: ProjectFacts | undefined): void {
    if (!this.file) return;
    const entry = this.entryFor(file, hash) ?? { hash };
    entry.facts = facts ?? null;
    this.content.entries[file] = entry;
    this.changed = true;
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

  storeResults(file: string, hash: string, key: string, findings: ReportFinding[], error: FileError | undefined, unchecked?: FileRole): void {
    if (!this.file) return;
    // A fix changes the content: the facts cached for the old content no longer hold.
    const entry = this.entryFor(file, hash) ?? { hash };
    entry.results = { key, findings, ...(error !== undefined && { error }), ...(unchecked !== undefined && { unchecked }) };
    this.content.entries[file] = entry;
    this.changed = true;
  }

  /** Writes the cache if anything changed; a cache that cannot be written is only a slower next run. */
  save(): void {
    if (!this.file || !this.changed) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeAtomically(this.file, JSON.stringify(this.content));
    } catch {
      // Read-only checkouts and full disks still get their report.
    }
  }

  private entryFor(file: string, hash: string): CacheEntry | undefined {
    const entry = this.content.entries[file];
    return entry?.hash === hash ? entry : undefined;
  }
}

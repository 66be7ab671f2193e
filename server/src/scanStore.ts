import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { ReportFinding } from '../../rules/src';

/** What is kept of one scanned file, with what tells whether it changed since. */
export interface StoredFile {
  file: string;
  mtimeMs: number;
  size: number;
  diagnostics: Diagnostic[];
  rows: ReportFinding[];
  skipped?: string;
}

export interface StoredScan {
  /** The server's version and every folder's settings: results made under others are not reused. */
  key: string;
  files: StoredFile[];
  skipped: Array<{ path: string; reason: string }>;
}

/** A stored scan split by what the disk holds now. */
export interface RestoredScan {
  /** Files unchanged since the scan: their results stand. */
  unchanged: StoredFile[];
  /** Files changed since (or gone): analyzed again. */
  changed: string[];
  skipped: Array<{ path: string; reason: string }>;
}

const FORMAT = 1;
const SAVE_DELAY_MS = 1000;

/**
 * The last workspace scan's results on disk (in the editor's storage for this workspace), so a
 * restarted server or a reloaded window shows them again without scanning every file anew.
 */
export class ScanStore {
  private timer: NodeJS.Timeout | undefined;
  private pending: (() => Promise<StoredScan>) | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    /** The folder to keep it in; without one nothing is stored. */
    private readonly folder: string | undefined,
    private readonly logError: (what: string, error: unknown) => void,
  ) {}

  get file(): string | undefined {
    return this.folder && path.join(this.folder, 'scan-results.json');
  }

  /** The stored scan when it was made under `key`, split into files that are unchanged and those that changed; 'other' when it was made under another. */
  async load(key: string): Promise<RestoredScan | 'other' | undefined> {
    const file = this.file;
    if (!file) return undefined;
    let stored: { format?: unknown } & Partial<StoredScan>;
    try {
      stored = JSON.parse(await fs.readFile(file, 'utf8')) as typeof stored;
    } catch {
      return undefined;
    }
    if (stored.format !== FORMAT || !Array.isArray(stored.files)) return undefined;
    if (stored.key !== key) return 'other';
    const unchanged: StoredFile[] = [];
    const changed: string[] = [];
    await Promise.all(
      stored.files.map(async (entry) => {
        const stat = await fs.stat(entry.file).catch(() => undefined);
        if (stat && stat.mtimeMs === entry.mtimeMs && stat.size === entry.size) unchanged.push(entry);
        else changed.push(entry.file);
      }),
    );
    return { unchanged, changed, skipped: stored.skipped ?? [] };
  }

  /** Saves a little later: a scan and the edits that follow it are written once. */
  scheduleSave(snapshot: () => Promise<StoredScan>): void {
    if (!this.folder) return;
    this.pending = snapshot;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes what is scheduled now (on shutdown). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    const snapshot = this.pending;
    this.pending = undefined;
    if (!snapshot || !this.file) return this.writing;
    const file = this.file;
    this.writing = this.writing.then(async () => {
      try {
        const scan = await snapshot();
        await fs.mkdir(path.dirname(file), { recursive: true });
        // Written aside and renamed, so that a crash mid-write leaves the previous scan intact.
        const temporary = `${file}.${process.pid}.tmp`;
        await fs.writeFile(temporary, JSON.stringify({ format: FORMAT, ...scan }));
        await fs.rename(temporary, file);
      } catch (error) {
        this.logError(`saving the scan results to ${file}`, error);
      }
    });
    return this.writing;
  }

  /** The size and time of a file now, for an entry of the next save. */
  static async stamp(file: string): Promise<{ mtimeMs: number; size: number } | undefined> {
    const stat = await fs.stat(file).catch(() => undefined);
    return stat && { mtimeMs: stat.mtimeMs, size: stat.size };
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

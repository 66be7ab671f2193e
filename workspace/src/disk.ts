import * as fs from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import * as path from 'node:path';
import { readWorkspaceFile, readWorkspaceFileSync, type ReadLimit, type ReadResult } from './read';

/**
 * A path changed this recently may change again unseen: file times are coarse (a clock tick), so a
 * second write of the same size within that tick keeps the times of the first.
 */
export const SETTLE_MS = 2000;

/** A path's size, modification and change times and inode: while they stay, so do a file's content and a folder's entries. */
export function stampOf(stat: Stats): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/** What a run saw of the disk, as it is stored: stamps (null: nothing there) grouped by folder, and what a presence probe found. */
export interface RecordedReads {
  stamps: Array<[folder: string, entries: Array<[name: string, stamp: string | null]>]>;
  presence: Array<[file: string, present: boolean]>;
}

/**
 * Every path a run looked at, with the stamp it had before it was read: a run that finds every
 * stamp again would read what this run read. A folder's stamp stands for its entries, so a
 * probe of a name in a folder stamped before it is not recorded on its own.
 */
export class DiskRecord {
  private readonly stamps = new Map<string, string | null>();
  private readonly presence = new Map<string, boolean>();
  /** Why the reads cannot be checked again: an error other than a missing path, or one path seen two ways. */
  doubt: string | undefined;
  /** The latest modification or change time among the stamps. */
  latestChange = 0;

  stamped(file: string, stat: Stats | undefined): void {
    if (stat === undefined && this.impliedByFolder(file)) return;
    const stamp = stat ? stampOf(stat) : null;
    const earlier = this.stamps.get(file);
    if (earlier !== undefined && earlier !== stamp) this.doubt ??= `${file} changed during the run`;
    this.stamps.set(file, stamp);
    if (stat) this.latestChange = Math.max(this.latestChange, stat.mtimeMs, stat.ctimeMs);
  }

  probed(file: string, present: boolean): void {
    if (this.impliedByFolder(file)) return;
    const earlier = this.presence.get(file);
    if (earlier !== undefined && earlier !== present) this.doubt ??= `${file} changed during the run`;
    this.presence.set(file, present);
  }

  /** A failed stat or read: a missing path is recorded as such, any other failure leaves the run in doubt. */
  failed(file: string, error: unknown): void {
    if (isMissing(error)) this.stamped(file, undefined);
    else this.doubt ??= `${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }

  distrust(reason: string): void {
    this.doubt ??= reason;
  }

  /** The stamp recorded for a path: null when nothing was there, undefined when it was not looked at. */
  stampFor(file: string): string | null | undefined {
    return this.stamps.get(file);
  }

  /** Whether a path at or under `folder` was stamped. */
  touches(folder: string): boolean {
    for (const file of this.stamps.keys()) if (file === folder || file.startsWith(folder + path.sep)) return true;
    return false;
  }

  toJSON(): RecordedReads {
    const byFolder = new Map<string, Array<[string, string | null]>>();
    for (const [file, stamp] of this.stamps) {
      const folder = path.dirname(file);
      let entries = byFolder.get(folder);
      if (!entries) byFolder.set(folder, (entries = []));
      entries.push([path.basename(file), stamp]);
    }
    return { stamps: [...byFolder], presence: [...this.presence] };
  }

  /** The entries of a folder stamped earlier in the run are its stamp's to vouch for. */
  private impliedByFolder(file: string): boolean {
    const folder = path.dirname(file);
    return folder !== file && typeof this.stamps.get(folder) === 'string';
  }
}

/** Whether every path of a record still has the stamp or presence it had. */
export function readsHold(recorded: RecordedReads): boolean {
  for (const [folder, entries] of recorded.stamps) {
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    for (const [name, stamp] of entries) if (currentStamp(name === '' ? folder : prefix + name) !== stamp) return false;
  }
  for (const [file, present] of recorded.presence) {
    let found: boolean;
    try {
      fs.lstatSync(file);
      found = true;
    } catch (error) {
      if (!isMissing(error)) return false;
      found = false;
    }
    if (found !== present) return false;
  }
  return true;
}

/** The stamp of a path now; null when nothing is there, undefined when it cannot be told. */
function currentStamp(file: string): string | null | undefined {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat ? stampOf(stat) : null;
  } catch (error) {
    return isMissing(error) ? null : undefined;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * How the workspace reads the disk: the command's listing, configuration lookup, manifests and
 * sources all go through one of these, so that with a record every path a run depended on is
 * known, with the stamp it had before it was read.
 */
export class Disk {
  constructor(readonly record?: DiskRecord) {}

  /** `fs.stat`, following links. */
  async stat(file: string): Promise<Stats> {
    try {
      const stat = await fs.promises.stat(file);
      this.record?.stamped(file, stat);
      return stat;
    } catch (error) {
      this.record?.failed(file, error);
      throw error;
    }
  }

  /** `fs.statSync` following links; undefined when nothing is there. */
  statSync(file: string): Stats | undefined {
    try {
      const stat = fs.statSync(file);
      this.record?.stamped(file, stat);
      return stat;
    } catch (error) {
      this.record?.failed(file, error);
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** Whether something is at a path, without following it. */
  async exists(file: string): Promise<boolean> {
    try {
      await fs.promises.lstat(file);
      this.record?.probed(file, true);
      return true;
    } catch (error) {
      this.absent(file, error);
      return false;
    }
  }

  existsSync(file: string): boolean {
    try {
      fs.lstatSync(file);
      this.record?.probed(file, true);
      return true;
    } catch (error) {
      this.absent(file, error);
      return false;
    }
  }

  /** A folder's entries; the folder is stamped first, so that an entry added during the read changes the stamp. */
  async readdir(folder: string): Promise<Dirent[]> {
    if (this.record) await this.stat(folder);
    return fs.promises.readdir(folder, { withFileTypes: true });
  }

  /** Two names for one file: a name that resolves elsewhere depends on links the record does not follow. */
  async realpath(file: string): Promise<string> {
    const real = await fs.promises.realpath(file).catch(() => file);
    if (real !== file) this.record?.distrust(`${file} is reached through a link`);
    return real;
  }

  async readFile(file: string, limit: ReadLimit): Promise<ReadResult> {
    return this.noted(file, await readWorkspaceFile(file, limit));
  }

  readFileSync(file: string, limit: ReadLimit): ReadResult {
    return this.noted(file, readWorkspaceFileSync(file, limit));
  }

  /** A probe that found nothing, or could not tell (which leaves the run in doubt). */
  private absent(file: string, error: unknown): void {
    if (isMissing(error)) this.record?.probed(file, false);
    else this.record?.failed(file, error);
  }

  /** Records the stamp a read saw before reading (a file it could not open: its stamp now, or nothing there). */
  private noted(file: string, read: ReadResult): ReadResult {
    const record = this.record;
    if (!record) return read;
    if (read.stat) record.stamped(file, read.stat);
    else if ('missing' in read) record.stamped(file, undefined);
    else {
      try {
        record.stamped(file, fs.statSync(file, { throwIfNoEntry: false }));
      } catch (error) {
        record.failed(file, error);
      }
    }
    return read;
  }
}

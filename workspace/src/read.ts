import * as fs from 'node:fs';

/**
 * Opening a FIFO for reading waits for a writer; without blocking, `open` returns at once and
 * the kind check below refuses it (Windows has no FIFOs and no such flag).
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** A file's text, or why it was not read (`missing`: there is no such file, which callers that probe for optional files expect). */
export type ReadResult = { text: string; bytes: Uint8Array; stat: fs.Stats } | { reason: string; missing?: true; stat?: fs.Stats };

export interface ReadLimit {
  /** Files above this many bytes are not read. */
  maxBytes: number;
  /** How the reason names the limit ("maxFileSize"). */
  limitName: string;
}

/** Why something that is not a regular file is not read. */
export function notRegularReason(entry: fs.Stats | fs.Dirent): string {
  if (entry.isFIFO()) return 'a FIFO (named pipe), not a regular file';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device, not a regular file';
  if (entry.isSocket()) return 'a socket, not a regular file';
  if (entry.isDirectory()) return 'a folder, not a regular file';
  return 'not a regular file';
}

/** Why a file of this kind and size is not read, or undefined when it may be. */
export function refusal(stat: fs.Stats, limit: ReadLimit): string | undefined {
  if (!stat.isFile()) return notRegularReason(stat);
  if (stat.size > limit.maxBytes) return `larger than ${limit.limitName} (${stat.size} bytes, limit ${limit.maxBytes})`;
  return undefined;
}

/** The result of a read that failed with `error`. */
function failedRead(error: unknown): { reason: string; missing?: true } {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? { reason: errorReason(error), missing: true } : { reason: errorReason(error) };
}

export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file vanished before it could be read';
  return `unreadable (${code ?? (error as Error).message})`;
}

function tooLarge(bytes: number, limit: ReadLimit): string {
  return `larger than ${limit.limitName} (more than ${bytes} bytes, limit ${limit.maxBytes})`;
}

/**
 * Reads a workspace file without blocking the event loop: only a regular file (not a FIFO, a
 * device or a link to one), never more than the limit, even if the file grows while it is read.
 */
export async function readWorkspaceFile(file: string, limit: ReadLimit): Promise<ReadResult> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
    const stat = await handle.stat();
    const refused = refusal(stat, limit);
    if (refused) return { reason: refused, stat };
    const buffer = Buffer.alloc(Math.min(stat.size, limit.maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) {
        if (filled > limit.maxBytes) return { reason: tooLarge(filled - 1, limit), stat };
        break;
      }
    }
    return { text: buffer.toString('utf8', 0, filled), bytes: buffer.subarray(0, filled), stat };
  } catch (error) {
    return failedRead(error);
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** `readWorkspaceFile` for the command's synchronous paths, with the same checks. */
export function readWorkspaceFileSync(file: string, limit: ReadLimit): ReadResult {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(file, OPEN_FLAGS);
    const stat = fs.fstatSync(descriptor);
    const refused = refusal(stat, limit);
    if (refused) return { reason: refused, stat };
    const buffer = Buffer.alloc(Math.min(stat.size, limit.maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const bytesRead = fs.readSync(descriptor, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) {
        if (filled > limit.maxBytes) return { reason: tooLarge(filled - 1, limit), stat };
        break;
      }
    }
    return { text: buffer.toString('utf8', 0, filled), bytes: buffer.subarray(0, filled), stat };
  } catch (error) {
    return failedRead(error);
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

/** Configuration files and package.json manifests above this size are not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
export const CONFIG_LIMIT: ReadLimit = { maxBytes: MAX_CONFIG_BYTES, limitName: 'the 1 MB limit for configuration' };

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkspaceFileSync } from '../../workspace/src';

/** The name of a temporary file this tool writes beside `target`; the pid tells whether its writer still runs. */
function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.perf-lint-${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
}

const TEMPORARY = /^\..+\.perf-lint-(\d+)-[0-9a-f]+\.tmp$/;

/** A temporary file older than this was left by a run that was killed: writing one takes milliseconds. */
const LEFTOVER_AGE_MS = 60_000;

/** Removes the temporary files in a folder that a killed run left (its process is gone, or they are old). Never throws. */
/** Whether a name is that of a temporary file this tool writes. */
export function isTemporaryName(name: string): boolean {
  return TEMPORARY.test(name);
}

export function removeLeftoverTemporaries(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid === undefined) continue;
    const file = path.join(folder, name);
    try {
      const stat = fs.lstatSync(file);
      if ((stat.isFile() || stat.isSymbolicLink()) && writerGone(Number(pid), stat.mtimeMs)) fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function writerGone(pid: number, modified: number): boolean {
  if (Date.now() - modified > LEFTOVER_AGE_MS) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Creates a file that a fix needs (with its folders), unless something is there already: never overwrites. */
export function createFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    // Another file's fixes created it first, with the same text.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Replaces a file's content all at once: a reader sees the old text or the new, never half of it.
 * A symbolic link is followed, not replaced by a copy. With `expected`, a file whose content is
 * no longer that text (edited since it was read) is left alone and the write fails. The temporary
 * file is created exclusively, so that nothing already there (a link) is written through.
 */
export function writeAtomically(file: string, text: string | Uint8Array, expected?: string): void {
  const target = fs.existsSync(file) ? fs.realpathSync(file) : file;
  const mode = fs.statSync(target, { throwIfNoEntry: false })?.mode;
  const temporary = temporaryName(target);
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx', ...(mode !== undefined && { mode }) });
    if (expected !== undefined) {
      const current = readWorkspaceFileSync(target, { maxBytes: Number.MAX_SAFE_INTEGER, limitName: 'the size limit' });
      if (!('text' in current) || current.text !== expected) throw new Error('the file changed on disk since it was read');
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkspaceFileSync } from '../../workspace/src';

/**
 * Replaces a file's content all at once: a reader sees the old text or the new, never half of it.
 * A symbolic link is followed, not replaced by a copy. With `expected`, a file whose content is
 * no longer that text (edited since it was read) is left alone and the write fails.
 */
export function writeAtomically(file: string, text: string | Uint8Array, expected?: string): void {
  const target = fs.existsSync(file) ? fs.realpathSync(file) : file;
  const mode = fs.statSync(target, { throwIfNoEntry: false })?.mode;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.perf-lint-${process.pid}-${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temporary, text, mode === undefined ? {} : { mode });
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

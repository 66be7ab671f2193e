import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, parseBaseline, SUPPRESSIONS_FILE_NAME, type Baseline } from '../../rules/src/data';
import { MAX_CONFIG_BYTES, readWorkspaceFileSync, type ReadLimit } from './read';

export { SUPPRESSIONS_FILE_NAME };

/** A legacy code base can hold tens of thousands of suppressed findings, at about 100 bytes each. */
const SUPPRESSIONS_LIMIT: ReadLimit = { maxBytes: 64 * MAX_CONFIG_BYTES, limitName: 'the 64 MB limit for the suppressions file' };

/**
 * The suppressions file (baseline) at `file`, by default `perf-lint-suppressions.json` in a
 * workspace folder: undefined when there is none. Its keys are paths relative to its folder;
 * the core's `applyBaseline` tells which findings it covers. Throws a ConfigError when the file
 * cannot be read or is not a suppressions file.
 */
export function loadSuppressions(file: string): Baseline | undefined {
  if (!fs.existsSync(file)) return undefined;
  const read = readWorkspaceFileSync(file, SUPPRESSIONS_LIMIT);
  if (!('text' in read)) {
    throw new ConfigError(`cannot read ${path.basename(file)}: ${read.reason}`);
  }
  return parseBaseline(read.text, path.basename(file));
}

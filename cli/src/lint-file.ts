import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, fixText, reportFindings, type AnalysisOptions, type AnalysisResult, type PerfLintConfig, type ReportFinding, type SyntaxSignals } from '../../rules/src';
import { readWorkspaceFileSync } from '../../workspace/src';

/** What every file of a run is analyzed with; plain data, so workers can receive it. */
export interface LintSettings {
  models: unknown;
}

/** The part of a file's configuration its analysis uses. */
export type FileSettings = Pick<PerfLintConfig, 'rules' | 'ruleOptions' | 'concurrencyLimit' | 'maxFileSize'>;

/** One file to analyze (and fix, with `--fix`). */
export interface LintTask {
  file: string;
  /** The path reports show. */
  display: string;
  /** Content hash of the text read before, which `signals` describe; the file is read again here, so that a scan never holds every text at once. */
  hash: string;
  /** Packages the file's nearest package.json depends on. */
  dependencies: readonly string[];
  /** The syntax signals of the text read before, with the project facts. */
  signals?: SyntaxSignals;
  /** The file's own configuration (nested configuration files and overrides differ per file). */
  settings: FileSettings;
  fix: boolean;
}

export interface FileOutcome {
  /** Content hash of the text the findings belong to (after fixing). */
  hash: string;
  findings: ReportFinding[];
  /** Why the file was not (fully) analyzed. */
  error?: FileError;
  /** Fixes applied to the file on disk. */
  fixed: number;
  /** Why the fixes could not be written back. */
  fixError?: string;
}

export type FileError = Omit<NonNullable<AnalysisResult['error']>, 'offset'>;

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Analyzes one file's text; with `fix`, first applies its safe fixes and writes them back. Never throws. */
export function lintFile(task: LintTask, settings: LintSettings): FileOutcome {
  const options: AnalysisOptions = {
    rules: task.settings.rules,
    ruleOptions: task.settings.ruleOptions,
    concurrencyLimit: task.settings.concurrencyLimit,
    project: { dependencies: new Set(task.dependencies), models: settings.models },
  };
  const read = readWorkspaceFileSync(task.file, { maxBytes: task.settings.maxFileSize, limitName: 'maxFileSize' });
  if (!('text' in read)) {
    const reason = read.reason.replace('before it could be read', 'before it could be analyzed');
    return { hash: task.hash, findings: [], error: { message: `not analyzed: ${reason}`, kind: 'not-analyzed' }, fixed: 0 };
  }
  let text = read.text;
  const original = text;
  const originalHash = contentHash(text);
  // A file changed since it was first read has signals of its own.
  const signals = originalHash === task.hash ? task.signals : undefined;
  let fixed = 0;
  try {
    if (task.fix) {
      const result = fixText(text, task.file, options);
      if (result.text !== text) {
        try {
          writeAtomically(task.file, result.text, original);
          text = result.text;
          fixed = result.fixed;
        } catch (error) {
          return { ...analyzeText(text, originalHash, task, options, signals), fixError: `fixes not written: ${(error as Error).message}` };
        }
      }
    }
    return { ...(fixed > 0 ? analyzeText(text, contentHash(text), task, options) : analyzeText(text, originalHash, task, options, signals)), fixed };
  } catch (error) {
    return { hash: contentHash(text), findings: [], error: { message: `not analyzed: ${(error as Error).message}`, kind: 'not-analyzed' }, fixed };
  }
}

function analyzeText(text: string, hash: string, task: LintTask, options: AnalysisOptions, signals?: SyntaxSignals): FileOutcome {
  const result = analyze(text, task.file, options, signals);
  return {
    hash,
    findings: reportFindings(task.display, text, result.findings),
    ...(result.error && { error: { message: result.error.message, ...(result.error.kind && { kind: result.error.kind }) } }),
    fixed: 0,
  };
}

/**
 * Replaces a file's content all at once: a reader sees the old text or the new, never half of it.
 * A symbolic link is followed, not replaced by a copy. With `expected`, a file whose content is
 * no longer that text (edited since it was read) is left alone and the write fails.
 */
export function writeAtomically(file: string, text: string, expected?: string): void {
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

import * as fs from 'node:fs';
import {
  analyze,
  fixText,
  reportDirectives,
  reportFindings,
  type AnalysisOptions,
  type AnalysisResult,
  type ReportDirective,
  type ReportFinding,
  type RuleId,
  type SeveritySetting,
  type SyntaxSignals,
} from '../../rules/src';
import { contentHash } from './cache';
import { writeAtomically } from './write-file';

/** What every file of a run is analyzed with, apart from its own dependencies; plain data, so workers can receive it. */
export interface LintSettings {
  rules: Partial<Record<RuleId, SeveritySetting>>;
  concurrencyLimit: number;
  models: unknown;
}

/** One file to analyze (and fix, with `--fix`). */
export interface LintTask {
  file: string;
  /** The path reports show. */
  display: string;
  /** Content hash of the text read before, which `signals` describe; the file is read again here, so that a scan never holds every text at once. */
  hash: string;
  /** Packages the file's nearest package.json depends on. */
  dependencies: string[];
  /** The syntax signals of the text read before, with the project facts. */
  signals?: SyntaxSignals;
  fix: boolean;
}

export interface FileOutcome {
  /** Content hash of the text the findings belong to (after fixing). */
  hash: string;
  findings: ReportFinding[];
  /** Suppression comments that suppressed nothing. */
  unusedDirectives: ReportDirective[];
  /** Why the file was not (fully) analyzed. */
  error?: FileError;
  /** Fixes applied to the file on disk. */
  fixed: number;
  /** Why the fixes could not be written back. */
  fixError?: string;
}

export type FileError = Omit<NonNullable<AnalysisResult['error']>, 'offset'>;

/** Analyzes one file's text; with `fix`, first applies its safe fixes and writes them back. Never throws. */
export function lintFile(task: LintTask, settings: LintSettings): FileOutcome {
  const options = analysisOptions(task, settings);
  let text: string;
  try {
    text = fs.readFileSync(task.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file vanished before it could be analyzed' : `unreadable (${code ?? (error as Error).message})`;
    return { hash: task.hash, findings: [], unusedDirectives: [], error: { message: `not analyzed: ${reason}`, kind: 'not-analyzed' }, fixed: 0 };
  }
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
    return { hash: contentHash(text), findings: [], unusedDirectives: [], error: { message: `not analyzed: ${(error as Error).message}`, kind: 'not-analyzed' }, fixed };
  }
}

/** Analyzes a text that is not read from disk (standard input) as the task's file. Never throws. */
export function lintText(text: string, task: LintTask, settings: LintSettings): FileOutcome {
  try {
    return analyzeText(text, contentHash(text), task, analysisOptions(task, settings));
  } catch (error) {
    return { hash: contentHash(text), findings: [], unusedDirectives: [], error: { message: `not analyzed: ${(error as Error).message}`, kind: 'not-analyzed' }, fixed: 0 };
  }
}

function analysisOptions(task: LintTask, settings: LintSettings): AnalysisOptions {
  return {
    rules: settings.rules,
    concurrencyLimit: settings.concurrencyLimit,
    project: { dependencies: new Set(task.dependencies), models: settings.models },
  };
}

function analyzeText(text: string, hash: string, task: LintTask, options: AnalysisOptions, signals?: SyntaxSignals): FileOutcome {
  const result = analyze(text, task.file, options, signals);
  return {
    hash,
    findings: reportFindings(task.display, text, result.findings),
    unusedDirectives: reportDirectives(task.display, text, result.unusedDirectives ?? []),
    ...(result.error && { error: { message: result.error.message, ...(result.error.kind && { kind: result.error.kind }) } }),
    fixed: 0,
  };
}

import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import {
  analyze,
  analyzeScreened,
  fixedBytes,
  fixText,
  reportDirectives,
  reportFindings,
  type AnalysisOptions,
  type AnalysisResult,
  type FileRole,
  type PerfLintConfig,
  type ReportDirective,
  type ReportFinding,
  type SyntaxSignals,
  type TextScreen,
} from '../../rules/src';
import { fileExists, readWorkspaceFileSync } from '../../workspace/src';
import { contentHash } from './cache';
import { createFile, writeAtomically } from './write-file';

/** What every file of a run is analyzed with; plain data, so workers can receive it. */
export interface LintSettings {
  models: unknown;
  /** The folder the run scans from: file roles read no folder name at or above it. */
  top?: string;
}

/** The part of a file's configuration its analysis uses. */
export type FileSettings = Pick<PerfLintConfig, 'rules' | 'ruleOptions' | 'concurrencyLimit' | 'maxFileSize' | 'roles' | 'role'> & {
  /** The project's helper module for concurrency fixes, by absolute path. */
  helperModule?: string;
  /** The folder of the file's package.json, from which its role is read. */
  packageRoot?: string;
  /** The file is one of its package's command-line programs. */
  commandLine?: boolean;
  /** The file runs in a child process or worker thread of its own. */
  childProcess?: boolean;
  /** Only scripts, seeds, migrations and child process files import the file, directly or not. */
  scriptOnly?: boolean;
};

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
  /** What the analysis reads of that text before parsing it, when the reading took it: a file no rule would parse is not read again. */
  screen?: TextScreen;
  /** The file's own configuration (nested configuration files and overrides differ per file). */
  settings: FileSettings;
  fix: boolean;
  /** With `fix`: describe the fixes as a unified diff instead of writing them. */
  dryRun?: boolean;
}

export interface FileOutcome {
  /** Content hash of the text the findings belong to (after fixing). */
  hash: string;
  findings: ReportFinding[];
  /** Suppression comments that suppressed nothing. */
  unusedDirectives: ReportDirective[];
  /** Why the file was not (fully) analyzed. */
  error?: FileError;
  /** The file's role, when that role is not checked. */
  unchecked?: FileRole;
  /** Fixes applied to the file on disk (with `dryRun`, that would be). */
  fixed: number;
  /** With `dryRun`: the unified diff of what the fixes would write. */
  preview?: string;
  /** Why the fixes could not be written back. */
  fixError?: string;
}

export type FileError = Omit<NonNullable<AnalysisResult['error']>, 'offset'>;

/** Analyzes one file's text; with `fix`, first applies its safe fixes and writes them back. Never throws. */
export function lintFile(task: LintTask, settings: LintSettings): FileOutcome {
  const options = analysisOptions(task, settings);
  const screened = task.screen && task.signals && analyzeScreened(task.file, options, task.signals, task.screen);
  if (screened) return { hash: task.hash, findings: [], unusedDirectives: [], ...errorAndRole(screened), fixed: 0 };
  const read = readWorkspaceFileSync(task.file, { maxBytes: task.settings.maxFileSize, limitName: 'maxFileSize' });
  if (!('text' in read)) {
    const reason = read.reason.replace('before it could be read', 'before it could be analyzed');
    return notAnalyzed(task.hash, reason, 0);
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
      if (result.text !== text && task.dryRun) {
        const preview = [
          ...result.newFiles.map((created) =>
            createTwoFilesPatch('/dev/null', `b/${displayOf(created.file)}`, '', created.text, undefined, undefined, { context: 3 }),
          ),
          createTwoFilesPatch(`a/${task.display}`, `b/${task.display}`, text, result.text, undefined, undefined, { context: 3 }),
        ];
        return {
          ...analyzeText(text, originalHash, task, options, signals),
          fixed: result.fixed,
          preview: preview.map((patch) => patch.replace(/^=+\n/, '')).join(''),
        };
      }
      if (result.text !== text) {
        try {
          const output = fixedBytes(read.bytes, text, result.text);
          if (!output) throw new Error('a line the fixes change holds bytes that are not UTF-8');
          // The helper module first: a fixed file never imports a module that is not there.
          for (const created of result.newFiles) createFile(created.file, created.text);
          writeAtomically(task.file, output, original);
          text = result.text;
          fixed = result.fixed;
        } catch (error) {
          return { ...analyzeText(text, originalHash, task, options, signals), fixError: `fixes not written: ${(error as Error).message}` };
        }
      }
    }
    return { ...(fixed > 0 ? analyzeText(text, contentHash(text), task, options) : analyzeText(text, originalHash, task, options, signals)), fixed };
  } catch (error) {
    return {
      hash: contentHash(text),
      findings: [],
      unusedDirectives: [],
      error: { message: `not analyzed: internal error: ${(error as Error).message}`, kind: 'failed' },
      fixed,
    };
  }
}

/** Analyzes a text that is not read from disk (standard input) as the task's file. Never throws. */
export function lintText(text: string, task: LintTask, settings: LintSettings): FileOutcome {
  try {
    return analyzeText(text, contentHash(text), task, analysisOptions(task, settings));
  } catch (error) {
    return notAnalyzed(contentHash(text), (error as Error).message, 0);
  }
}

function analysisOptions(task: LintTask, settings: LintSettings): AnalysisOptions {
  return {
    rules: task.settings.rules,
    ruleOptions: task.settings.ruleOptions,
    concurrencyLimit: task.settings.concurrencyLimit,
    ...(task.settings.helperModule && { helperModule: { file: task.settings.helperModule, exists: fileExists(task.settings.helperModule) } }),
    roles: task.settings.roles,
    ...(task.settings.role && { role: task.settings.role }),
    project: {
      dependencies: new Set(task.dependencies),
      models: settings.models,
      ...(settings.top && { top: settings.top }),
      ...(task.settings.packageRoot && { root: task.settings.packageRoot }),
      ...(task.settings.commandLine && { commandLine: true }),
      ...(task.settings.childProcess && { childProcess: true }),
      ...(task.settings.scriptOnly && { scriptOnly: true }),
    },
  };
}

/** A created file's path as reports show paths: relative to the current folder, with forward slashes. */
function displayOf(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}

function notAnalyzed(hash: string, reason: string, fixed: number): FileOutcome {
  return { hash, findings: [], unusedDirectives: [], error: { message: `not analyzed: ${reason}`, kind: 'not-analyzed' }, fixed };
}

function analyzeText(text: string, hash: string, task: LintTask, options: AnalysisOptions, signals?: SyntaxSignals): FileOutcome {
  const result = analyze(text, task.file, options, signals);
  return {
    hash,
    findings: reportFindings(task.display, text, result.findings),
    unusedDirectives: reportDirectives(task.display, text, result.unusedDirectives ?? []),
    ...errorAndRole(result),
    fixed: 0,
  };
}

/** Why the analysis stopped short, and the role it left unchecked, as a file's outcome states them. */
function errorAndRole(result: AnalysisResult): Pick<FileOutcome, 'error' | 'unchecked'> {
  return {
    ...(result.error && { error: { message: result.error.message, ...(result.error.kind && { kind: result.error.kind }) } }),
    ...(result.unchecked && { unchecked: result.unchecked }),
  };
}

import { analyze } from '../../rules/src/engine';
import type { PerfLintConfig } from '../../rules/src/config';
import type { AnalysisOptions, Finding, ProjectInfo } from '../../rules/src/types';
import { tooLargeReason } from './files';

/** The findings of one file, or why it was not analyzed. */
export interface FileAnalysis {
  findings: Finding[];
  /** Set when the file was not analyzed (too large, not parsable, the analysis failed). */
  skipped?: string;
}

export function analysisOptions(config: PerfLintConfig, project: ProjectInfo): AnalysisOptions {
  return { rules: config.rules, concurrencyLimit: config.concurrencyLimit, project };
}

/**
 * Runs the analysis on one file's text. Whatever goes wrong stays with that file: an exception is
 * logged with the file's name and the file counts as skipped.
 */
export function analyzeText(text: string, fileName: string, options: AnalysisOptions, config: PerfLintConfig, log: (message: string) => void): FileAnalysis {
  const size = Buffer.byteLength(text);
  if (size > config.maxFileSize) return { findings: [], skipped: tooLargeReason(size, config.maxFileSize) };
  try {
    const result = analyze(text, fileName, options);
    if (!result.error) return { findings: result.findings };
    if (result.findings.length === 0) return { findings: [], skipped: result.error.message };
    log(`Perf Lint: ${fileName}: ${result.error.message}`);
    return { findings: result.findings };
  } catch (error) {
    log(`Perf Lint: analysis of ${fileName} failed: ${(error as Error).stack ?? String(error)}`);
    return { findings: [], skipped: `analysis failed: ${(error as Error).message}` };
  }
}

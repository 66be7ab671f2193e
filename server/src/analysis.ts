import type ts from 'typescript';
import { analyze, type AnalysisOptions, type Finding, type PerfLintConfig, type ProjectInfo, type SyntaxSignals, type ToESTree } from '../../rules/src';
import { fileExists } from '../../workspace/src';

/** The findings of one file, or why it was not analyzed. */
export interface FileAnalysis {
  findings: Finding[];
  /** Set when the file was not analyzed at all (binary, minified, too large, too deep, the analysis failed). */
  skipped?: string;
  /** Set when a rule failed on the file: the other rules' findings stand, but findings may be missing. */
  incomplete?: string;
}

/** `createFiles`: the client can create the helper module a fix needs; without it, fixes use the module only once it exists. */
export function analysisOptions(config: PerfLintConfig, project: ProjectInfo, createFiles: boolean): AnalysisOptions {
  const helperModule = config.fixes.helperModule;
  const exists = helperModule !== undefined && fileExists(helperModule);
  return {
    rules: config.rules,
    ruleOptions: config.ruleOptions,
    concurrencyLimit: config.concurrencyLimit,
    ...(helperModule && (exists || createFiles) && { helperModule: { file: helperModule, exists } }),
    project,
    maxFileSize: config.maxFileSize,
    roles: config.roles,
    ...(config.role && { role: config.role }),
  };
}

/**
 * Runs the analysis on one file's text. Whatever goes wrong stays with that file: an exception is
 * logged with the file's name and the file counts as skipped. A file with syntax errors keeps the
 * findings of its intact parts.
 */
export function analyzeText(
  text: string,
  fileName: string,
  options: AnalysisOptions,
  log: (message: string) => void,
  syntax?: { signals: SyntaxSignals; sourceFile?: ts.SourceFile; toESTree?: ToESTree },
): FileAnalysis {
  try {
    const { findings, error } = analyze(text, fileName, options, syntax?.signals, syntax?.sourceFile, syntax?.toESTree);
    if (error?.kind === 'failed') log(`Perf Lint: ${fileName}: ${error.message}`);
    if (error?.kind === 'not-analyzed' || error?.kind === 'failed') return { findings, skipped: error.message.replace(/^not analyzed: /, '') };
    if (error?.kind === 'rule-failed') {
      log(`Perf Lint: ${fileName}: ${error.message}`);
      return { findings, incomplete: error.message };
    }
    return { findings };
  } catch (error) {
    log(`Perf Lint: analysis of ${fileName} failed: ${(error as Error).stack ?? String(error)}`);
    return { findings: [], skipped: `analysis failed: ${(error as Error).message}` };
  }
}

/** The analysis core: plain data in, plain data out; no editor or protocol here. */
export { analyze, DEFAULT_OPTIONS } from './engine';
export { applyFixes, fixText } from './fixes';
export { ALL_RULES, docsUrl, ruleById } from './registry';
export {
  applyLayer,
  CONFIG_KEYS,
  ConfigError,
  configKeys,
  DEFAULT_CONFIG,
  MAX_CONFIG_PATTERNS,
  parseConfig,
  parseConfigFile,
  RULE_IDS,
  SEVERITY_SETTINGS,
  type ConfigFileContent,
  type ConfigLayer,
  type ConfigOverride,
  type PerfLintConfig,
} from './config';
export { LineIndex } from './lines';
export { isSourceFile, SOURCE_EXTENSIONS } from './parse';
export type * from './types';
export { collectProjectFacts, dependenciesOf, EMPTY_PROJECT, exportsAnyClient, mergeProjectFacts, projectFactsReach, type ProjectFacts } from './project';
export { syntaxSignals, type SyntaxSignals } from './syntax-signals';
export { escapeHtml, renderHtmlReport, renderReportPage, reportFindings, type PageContext, type PageMessage, type ReportData, type ReportFinding } from './report';

/**
 * The parts of the core that need no parser: configuration, source file kinds, report rows,
 * suppression baselines and the project facts' bookkeeping. Front ends import these from here
 * where loading TypeScript would cost their start-up (`--help`, a fully cached run); everything
 * is also exported by the core's index.
 */
export {
  applyLayer,
  CONFIG_KEYS,
  ConfigError,
  configKeys,
  DEFAULT_CONFIG,
  MAX_CONFIG_PATTERNS,
  MAX_GLOB_LENGTH,
  parseConfig,
  parseConfigFile,
  RULE_IDS,
  SEVERITY_SETTINGS,
  type ConfigFileContent,
  type ConfigLayer,
  type ConfigOverride,
  type FixSettings,
  type PerfLintConfig,
} from './config';
export { LineIndex } from './lines';
export {
  binEntriesOf,
  isCommandLineEntry,
  isCommandPluginPackage,
  isPrivateToolPackage,
  isServerPackage,
  isServingEntry,
  isTaskEntry,
  oclifCommandsOf,
  scriptEntriesOf,
  startsHttpServer,
  taskScriptEntriesOf,
} from './roles';
export { packageManifestOf, type PackageManifest } from './package-manifest';
export { isDeclarationFile, isSourceFile, SOURCE_EXTENSIONS } from './source-files';
export type * from './types';
export type { ProjectFacts } from './project';
export { declaresBeyondUses, dependenciesOf, projectFactsReach } from './project-facts';
export type { SyntaxSignals } from './syntax-signals';
export {
  lineTextAt,
  reportDirectives,
  reportFindings,
  uncheckedSummary,
  type ReportData,
  type ReportDirective,
  type ReportFinding,
  type ReportRelated,
  type ReportSuggestion,
} from './report/data';
export {
  applyBaseline,
  baselineOf,
  baselineSize,
  filterBaseline,
  formatBaseline,
  lineFingerprint,
  mergeBaselines,
  parseBaseline,
  SUPPRESSIONS_FILE_NAME,
  type Baseline,
  type BaselineFinding,
} from './baseline';
export { unusedDirectiveMessage } from './suppressions';
export { DEFAULT_CHECKED_ROLES, FILE_ROLES, type FileRole } from './roles';
export type { ProjectHost } from './project-model/host';
export { renderHtmlReport } from './report/export';
export { ProjectFactsModel, type ImporterInputs, type ImportersCache } from './project-model/facts-model';
export { childProcessFiles } from './project-model/child-processes';
export { workspaceGlobs, workspaceMatcher } from './project-model/configs';

/** The analysis core: plain data in, plain data out; no editor or protocol here. */
export { analyze, analyzeScreened, DEFAULT_OPTIONS, screenText, type TextScreen } from './engine';
export { applyFixes, fixedBytes, fixText } from './fixes';
export { ALL_RULES, docsUrl, ruleById } from './registry';
export * from './data';
export { collectProjectFacts, EMPTY_PROJECT, importsProjectModule, mergeProjectFacts } from './project';
export { ProjectModel } from './project-model/model';
export { ProjectFactsModel } from './project-model/facts-model';
export { childProcessFiles, type ChildProcessFiles, type StartedFiles } from './project-model/child-processes';
export type { RoleSource } from './project-model/script-only';
export { isRelativeSpecifier } from './project-model/resolution';
export { fileKey, normalizePath } from './project-model/paths';
export { readSyntax, syntaxSignals } from './syntax-signals';
export { EditedFile } from './edited-file';
export { useFastParser, type ToESTree } from './parse';
export { fastParserFor, oxcParser, type FastParser } from './parse-oxc';
export { detectRole } from './roles';
export { escapeHtml, renderHtmlReport, renderReportPage, type PageContext, type PageMessage } from './report';

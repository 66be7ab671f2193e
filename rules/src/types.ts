import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { SyntaxSignals } from './syntax-signals';
import type { FileRole } from './roles';

export type RuleId = 'await-in-loop' | 'sync-io-in-async' | 'n-plus-one' | 'unbounded-promise-all';
export type Severity = 'info' | 'warning' | 'error';
export type SeveritySetting = Severity | 'off';

/** A replacement of the text between two offsets of the analyzed file. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A change a finding offers; `safe` fixes are applied by `--fix` and fix-all, the others only on request. */
export interface Fix {
  title: string;
  safe: boolean;
  edits: TextEdit[];
  /** Files the fix needs that do not exist yet (the project's helper module), created once, never overwritten. */
  newFiles?: NewFile[];
}

/** A file a fix creates, by absolute path, with its whole text. */
export interface NewFile {
  file: string;
  text: string;
}

/** Another place a finding concerns (the query a called function runs), possibly in another file. */
export interface RelatedLocation {
  file: string;
  start: number;
  end: number;
  /** 1-based line and column of `start`, so a front end needs no other file's text to show it. */
  line: number;
  column: number;
  message: string;
}

export interface Finding {
  ruleId: RuleId;
  messageId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
  related?: RelatedLocation[];
}

/** What a rule says of itself; nothing else needs its internals. */
export interface RuleMeta {
  id: RuleId;
  defaultSeverity: Severity;
  description: string;
  messages: Record<string, string>;
  fixable: boolean;
  /** The options the rule reads from `[severity, { options }]`, each as a JSON schema (the ESLint plugin validates them with it). */
  options?: Readonly<Record<string, OptionSchema>>;
}

/** The JSON schema of one rule option: a flag or a list of names. */
export interface OptionSchema {
  type: 'boolean' | 'array';
  items?: { type: 'string' };
  description: string;
}

export type Node = TSESTree.Node;

export type NodeListener = (node: any) => void;
/** Listeners by ESTree node type; `Type:exit` runs when the walk leaves the node. */
export type RuleListeners = Partial<Record<string, NodeListener>> & { 'Program:exit'?: NodeListener };

export interface ReportDescriptor {
  node?: Node;
  /** Offsets to squiggle when they differ from `node`'s range. */
  range?: [number, number];
  messageId: string;
  data?: Record<string, string>;
  fix?: Fix;
  related?: RelatedLocation[];
}

/** Facts about the project around the file (its dependencies, its ORM models). */
export interface ProjectInfo {
  /** Names of the packages the nearest package.json depends on. */
  dependencies: ReadonlySet<string>;
  /** Set while one file's declarations are read for the project index, before any other file is known. */
  readAlone?: true;
  /** Entity and model declarations found across the workspace, filled by the n-plus-one project index. */
  models?: unknown;
  /** The folder of the nearest package.json: roles are read from the path below it, its own name included. */
  root?: string;
  /** The folder analysis starts from (the repository root, the command's folder, an editor's workspace folder): its own name and the folders above it say nothing of a file's role. */
  top?: string;
  /** The file is one of its package's command-line programs: a package.json `bin` entry or a package file it imports. */
  commandLine?: boolean;
  /** The file runs in a child process or worker thread that another file starts by path, or is imported by such a file (see `childProcessFiles`). */
  childProcess?: boolean;
  /** Every file that imports this one is a script, seed, migration or child process file, or one only such files import (see `scriptOnlyFiles`). */
  scriptOnly?: boolean;
}

/** A rule's options from the configuration (`"rule": ["warning", { ... }]`): plain JSON, which the rule checks and interprets. */
export type RuleOptions = Readonly<Record<string, unknown>>;

export interface AnalysisOptions {
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Each rule's options; a rule reads its own through `RuleContext.ruleOptions`. */
  ruleOptions?: Partial<Record<RuleId, RuleOptions>>;
  /** Upper bound on calls in flight that concurrency fixes use. */
  concurrencyLimit: number;
  /** The project's module for the concurrency helper (`fixes.helperModule`): fixes import the helper from it instead of inserting it; when it does not exist yet, they create it. */
  helperModule?: { file: string; exists: boolean };
  project: ProjectInfo;
  /** Texts above this many UTF-8 bytes are not analyzed (reported in `error`). */
  maxFileSize?: number;
  /** Which file roles are checked; roles left out keep their default (production and script on, the others off). */
  roles?: Partial<Record<FileRole, boolean>>;
  /** The role configuration gives this file, instead of the one read from its path and imports. */
  role?: FileRole;
}

export interface RuleContext {
  readonly fileName: string;
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManager;
  readonly options: AnalysisOptions;
  /** This rule's options from the configuration (empty when none are given). */
  readonly ruleOptions: RuleOptions;
  /** Shared analysis results, computed once per file on first use. */
  readonly shared: SharedFacts;
  /** False when no database is in reach of the file (see `databaseInReach`): no query can be found in it. */
  readonly databaseInReach: boolean;
  report(descriptor: ReportDescriptor): void;
}

/** Per-file memo that lets rules share work (e.g. which calls are ORM queries). */
export interface SharedFacts {
  memo<T>(key: string, compute: () => T): T;
}

export interface Rule {
  meta: RuleMeta;
  /** A cheap test of the raw text: files it does not match cannot hold a finding and are not parsed for this rule. */
  prefilter: RegExp;
  /**
   * A test of what the file's syntax holds (read without the ESTree parse), for files the
   * prefilter let through: false means the file cannot hold a finding of this rule.
   */
  gate?(signals: SyntaxSignals, options: AnalysisOptions): boolean;
  create(context: RuleContext): RuleListeners;
}

/** A `perf-lint-disable` comment that suppressed nothing: `rules` lists the names it gave in vain (empty: a directive for every rule). */
export interface UnusedDirective {
  start: number;
  end: number;
  rules: string[];
}

export interface AnalysisResult {
  findings: Finding[];
  /** Suppression comments that suppressed nothing (absent when there are none, or when syntax errors kept code from being analyzed). */
  unusedDirectives?: UnusedDirective[];
  /** The role of a file whose role is not checked: it was not analyzed and has no findings. */
  unchecked?: FileRole;
  /** Set when the file could not be parsed or analyzed; findings are then empty or partial. */
  error?: {
    message: string;
    offset?: number;
    /**
     * `not-analyzed`: no findings (binary, minified, too large, too deep); `partial`: syntax errors, the
     * intact declarations were analyzed; `rule-failed`: one rule threw; `failed`: the analysis itself
     * failed. After `rule-failed` and `failed`, findings may be missing.
     */
    kind?: 'not-analyzed' | 'partial' | 'rule-failed' | 'failed';
  };
}

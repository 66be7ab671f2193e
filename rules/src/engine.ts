import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type ts from 'typescript';
import { createFileState } from './file-state';
import { LineIndex } from './lines';
import { unanalyzableReason } from './content';
import { fastParse, parseRecovering, type RecoveredParse, type ToESTree } from './parse';
import { ALL_RULES } from './registry';
import { isSuppressed, readSuppressions, SUPPRESSION_MARKERS, unusedDirectives } from './suppressions';
import type { AnalysisOptions, AnalysisResult, Finding, NodeListener, Rule, RuleContext, RuleId, RuleListeners, Severity, TextEdit } from './types';
import { walk } from './walk';
import { roleSignsRead, syntaxSignals, type SyntaxSignals } from './syntax-signals';
import { withLineEnding } from './fixes/style';
import { DEFAULT_CONCURRENCY_LIMIT } from './config';
import { MAX_NESTING, nestingOf, TOO_DEEP } from './nesting';
import { detectRole, isRoleChecked, roleFromSigns, type FileRole } from './roles';
import { databaseInReach } from './analysis/database-reach';

export const DEFAULT_OPTIONS: AnalysisOptions = {
  rules: {},
  concurrencyLimit: DEFAULT_CONCURRENCY_LIMIT,
  project: { dependencies: new Set() },
};

function severityOf(rule: Rule, options: AnalysisOptions): Severity | undefined {
  const setting = options.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

/** A message with its placeholders filled; quoted code keeps the message on one line. */
function formatMessage(template: string, data: Record<string, string> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => data?.[key]?.replace(/\s*[\r\n\u2028\u2029]\s*/g, ' ') ?? whole);
}

/**
 * Analyzes one file's text with every enabled rule in a single walk of one parse. Never throws:
 * a file that cannot be read as code, or that overflows the parser, comes back with `error`;
 * on syntax errors the intact declarations are still analyzed, with exact offsets. `signals`
 * are the text's syntax signals when the caller has already read them, and `sourceFile` the
 * TypeScript tree they were read from (`readSyntax`), which then serves the analysis too;
 * `toESTree` converts it (an `EditedFile`'s, which converts only what an edit changed).
 */
export function analyze(
  text: string,
  fileName: string,
  options: AnalysisOptions = DEFAULT_OPTIONS,
  signals?: SyntaxSignals,
  sourceFile?: ts.SourceFile,
  toESTree?: ToESTree,
): AnalysisResult {
  return analyzeWithRules(text, fileName, options, ALL_RULES, signals, sourceFile, toESTree);
}

/** `analyze` over a given set of rules (tests exercise the engine with rules of their own). */
export function analyzeWithRules(
  text: string,
  fileName: string,
  options: AnalysisOptions,
  rules: readonly Rule[],
  signals?: SyntaxSignals,
  sourceFile?: ts.SourceFile,
  toESTree?: ToESTree,
): AnalysisResult {
  const reason = unanalyzableReason(text, options.maxFileSize);
  if (reason) return notAnalyzed(reason);
  const role = roleOfFile(text, fileName, options, signals);
  if (!isRoleChecked(role, options.roles)) return { findings: [], unchecked: role };
  const { active, signals: read } = activeRules(text, fileName, options, rules, signals);
  // A file with a directive is parsed even when no rule can find anything in it: the directive is then unused.
  if (active.length === 0 && !text.includes(DIRECTIVE)) return { findings: [] };

  let parsed: RecoveredParse;
  try {
    // A text whose signals TypeScript's parser read without a syntax error is not parsed by it again where the fast parser serves.
    const fast = !sourceFile && read?.syntaxChecked ? fastParse(text, fileName) : undefined;
    parsed = fast ? { ast: fast, text, skipped: [] } : parseRecovering(text, fileName, sourceFile, toESTree);
  } catch (error) {
    if (error instanceof RangeError) return notAnalyzed(TOO_DEEP);
    const parseError = error as { message?: string; index?: number };
    return notAnalyzed(parseError.message ?? String(error), parseError.index);
  }
  if (parsed.syntaxError && parsed.ast.body.every((statement) => statement.type === 'EmptyStatement')) {
    return notAnalyzed(parsed.syntaxError.message, parsed.syntaxError.offset);
  }
  try {
    const enabled = rules.filter((rule) => severityOf(rule, options));
    // Without signals nothing is known of the file's database: assume one is in reach.
    // The rules read the role found above rather than reading the text for it again.
    const result = runRules(parsed, fileName, { ...options, role }, active, enabled, read ? databaseInReach(read, options) : true);
    return parsed.syntaxError ? partial(result, parsed, text) : result;
  } catch (error) {
    // Helpers that recurse over the tree (scopes, rules) can overflow where the parser did not.
    if (error instanceof RangeError) return notAnalyzed(TOO_DEEP);
    return { findings: [], error: { message: `not analyzed: internal error: ${(error as Error).message ?? String(error)}`, kind: 'failed' } };
  }
}

/** The word of every suppression comment of this tool. */
const DIRECTIVE = 'perf-lint-disable';

/**
 * What `analyze` reads of a text before it parses it, kept by a caller that lets the text go
 * (`analyzeScreened`): why it cannot be analyzed, the rules whose prefilter it passes, a suppression comment.
 */
export interface TextScreen {
  unanalyzable?: string;
  prefiltered: RuleId[];
  directive: boolean;
}

export function screenText(text: string, maxFileSize?: number): TextScreen {
  const unanalyzable = unanalyzableReason(text, maxFileSize);
  return {
    ...(unanalyzable && { unanalyzable }),
    prefiltered: ALL_RULES.filter((rule) => rule.prefilter.test(text)).map((rule) => rule.meta.id),
    directive: text.includes(DIRECTIVE),
  };
}

/**
 * What `analyze` gives a screened text that no rule parses: nothing, why it is not analyzed, or the
 * role that leaves it unchecked; undefined when the text itself must be analyzed. `signals` are those
 * `readSyntax` read from the text the screen was made of.
 */
export function analyzeScreened(fileName: string, options: AnalysisOptions, signals: SyntaxSignals, screen: TextScreen): AnalysisResult | undefined {
  if (screen.unanalyzable) return notAnalyzed(screen.unanalyzable);
  const role = options.role ?? roleFromSigns(fileName, signals.roleSigns, options.project);
  if (!isRoleChecked(role, options.roles)) return { findings: [], unchecked: role };
  if (screen.directive) return undefined;
  const mayFind = ALL_RULES.some((rule) => severityOf(rule, options) && screen.prefiltered.includes(rule.meta.id) && passesGate(rule, signals, options));
  return mayFind ? undefined : { findings: [] };
}

function passesGate(rule: Rule, signals: SyntaxSignals, options: AnalysisOptions): boolean {
  return !rule.gate || rule.gate(signals, options);
}

/** The role configuration gives the file, or the one its path and text show: signals read from the text already hold what it shows. */
function roleOfFile(text: string, fileName: string, options: AnalysisOptions, signals: SyntaxSignals | undefined): FileRole {
  if (options.role) return options.role;
  const signs = signals && roleSignsRead(signals);
  return signs ? roleFromSigns(fileName, signs, options.project) : detectRole(fileName, text, options.project);
}

/**
 * The enabled rules that may find something in the text: its prefilter first, then its gate on the
 * syntax signals, read only if a gate needs them (and returned when read).
 */
function activeRules(
  text: string,
  fileName: string,
  options: AnalysisOptions,
  rules: readonly Rule[],
  known: SyntaxSignals | undefined,
): { active: Rule[]; signals?: SyntaxSignals } {
  const candidates = rules.filter((rule) => severityOf(rule, options) && rule.prefilter.test(text));
  if (!candidates.some((rule) => rule.gate)) return { active: candidates, ...(known && { signals: known }) };
  const signals = known ?? syntaxSignals(text, fileName);
  return { active: candidates.filter((rule) => passesGate(rule, signals, options)), signals };
}

function notAnalyzed(reason: string, offset?: number): AnalysisResult {
  return { findings: [], error: { message: `not analyzed: ${reason}`, kind: 'not-analyzed', ...(offset !== undefined && { offset }) } };
}

/**
 * The result of a file parsed after blanking out its broken declarations: findings stand, fixes
 * that touch a blanked region are dropped (their edits could land inside broken code).
 */
function partial(result: AnalysisResult, parsed: RecoveredParse, text: string): AnalysisResult {
  const touchesSkipped = (edit: TextEdit): boolean => parsed.skipped.some(([start, end]) => edit.start <= end && start <= edit.end);
  const findings = result.findings.map((finding) => {
    if (!finding.fix?.edits.some(touchesSkipped)) return finding;
    const { fix: _dropped, ...rest } = finding;
    return rest;
  });
  const { offset, message } = parsed.syntaxError!;
  const line = new LineIndex(text).position(offset).line;
  const ruleFailure = result.error ? `; ${result.error.message}` : '';
  // A directive above skipped code would look unused: none is judged.
  return {
    findings,
    error: {
      message: `partially analyzed: syntax error on line ${line}: ${message.replace(/\.$/, '')}; code around it was skipped${ruleFailure}`,
      offset,
      // A rule that failed as well still means findings may be missing.
      kind: result.error?.kind === 'rule-failed' ? 'rule-failed' : 'partial',
    },
  };
}

type ListenersByType = Map<string, Array<{ rule: Rule; listener: NodeListener }>>;

/**
 * The rules' listeners by node type, in the rules' order, for entering and for leaving (`Type:exit`) a node: the walk
 * asks one map per node instead of every rule, and builds no `Type:exit` name per node.
 */
function listenersByType(listeners: ReadonlyArray<{ rule: Rule; listeners: RuleListeners }>): { entering: ListenersByType; leaving: ListenersByType } {
  const entering: ListenersByType = new Map();
  const leaving: ListenersByType = new Map();
  for (const { rule, listeners: byKey } of listeners) {
    for (const [key, listener] of Object.entries(byKey)) {
      if (!listener) continue;
      const exit = key.endsWith(':exit');
      const byType = exit ? leaving : entering;
      const type = exit ? key.slice(0, -':exit'.length) : key;
      const called = byType.get(type) ?? [];
      called.push({ rule, listener });
      byType.set(type, called);
    }
  }
  return { entering, leaving };
}

/** Runs the rules over a parsed file; `enabled` are the rules on in the settings, whose directives can be judged unused. */
function runRules(
  parsed: RecoveredParse,
  fileName: string,
  options: AnalysisOptions,
  active: readonly Rule[],
  enabled: readonly Rule[],
  databaseInReach: boolean,
): AnalysisResult {
  const { ast, text } = parsed;
  // The walk that sets parents measures the nesting: past the limit, no thread analyzes the file.
  const levels: number[] = [0];
  let deepest = 0;
  walk(
    ast,
    (node) => {
      const level = levels[levels.length - 1]! + nestingOf(node, text);
      levels.push(level);
      if (level > deepest) deepest = level;
    },
    () => levels.pop(),
  );
  if (deepest > MAX_NESTING) return notAnalyzed(TOO_DEEP);

  const findings: Finding[] = [];
  const failures: string[] = [];
  const fileState = createFileState(ast);
  const listeners: Array<{ rule: Rule; listeners: RuleListeners }> = [];
  const failed = new Set<Rule>();
  const failedToStart = new Set<Rule>();

  for (const rule of active) {
    const severity = severityOf(rule, options)!;
    const context: RuleContext = {
      fileName,
      text,
      ast,
      options,
      ruleOptions: options.ruleOptions?.[rule.meta.id] ?? {},
      get scopeManager() {
        return fileState.scopeManager;
      },
      shared: fileState.shared,
      databaseInReach,
      report(descriptor) {
        const [start, end] = descriptor.range ?? descriptor.node!.range;
        findings.push({
          ruleId: rule.meta.id,
          messageId: descriptor.messageId,
          severity,
          message: formatMessage(rule.meta.messages[descriptor.messageId] ?? descriptor.messageId, descriptor.data),
          start,
          end,
          ...(descriptor.fix && { fix: withLineEnding(text, descriptor.fix) }),
          ...(descriptor.related && { related: descriptor.related }),
        });
      },
    };
    try {
      listeners.push({ rule, listeners: rule.create(context) });
    } catch (error) {
      failedToStart.add(rule);
      failures.push(`${rule.meta.id}: ${(error as Error).message}`);
    }
  }

  const { entering, leaving } = listenersByType(listeners);
  const dispatch = (byType: ListenersByType, node: TSESTree.Node): void => {
    const called = byType.get(node.type);
    if (!called) return;
    for (const { rule, listener } of called) {
      if (failed.has(rule)) continue;
      try {
        listener(node);
      } catch (error) {
        // One rule failing on an odd construct must not cost the other rules' findings.
        failed.add(rule);
        failures.push(`${rule.meta.id}: ${(error as Error).message}`);
      }
    }
  };
  // Leaving the Program node dispatches `Program:exit` once, after every other listener.
  walk(
    ast,
    (node) => dispatch(entering, node),
    (node) => dispatch(leaving, node),
  );

  // Only a file that names a directive can suppress a finding; the others never need their comments found.
  const lines = SUPPRESSION_MARKERS.some((marker) => text.includes(marker)) ? new LineIndex(text) : undefined;
  const suppressions = lines ? readSuppressions(ast.comments ?? [], lines) : [];
  const kept = lines ? findings.filter((finding) => !isSuppressed(finding, suppressions, lines)) : findings;
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const ran = new Set(enabled.filter((rule) => !failed.has(rule) && !failedToStart.has(rule)).map((rule) => rule.meta.id));
  const unused = unusedDirectives(suppressions, ran);
  const result: AnalysisResult = { findings: kept, ...(unused.length > 0 && { unusedDirectives: unused }) };
  return failures.length > 0 ? { ...result, error: { message: `rule failed: ${failures.join('; ')}`, kind: 'rule-failed' } } : result;
}

import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import ts from 'typescript';

/** File extensions the analysis reads. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function isSourceFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return SOURCE_EXTENSIONS.some((extension) => lower.endsWith(extension)) && !lower.endsWith('.d.ts');
}

/** JSX is allowed where the extension says so; plain `.ts` files use `<T>x` casts that JSX would misread. */
function allowsJsx(fileName: string): boolean {
  return /\.(tsx|jsx|js|mjs|cjs)$/i.test(fileName);
}

/** Parses once, with only what the rules read: ranges and comments, no tokens or line/column objects. */
export function parseSource(text: string, fileName: string): TSESTree.Program {
  return parse(text, {
    range: true,
    loc: false,
    comment: true,
    tokens: false,
    jsx: allowsJsx(fileName),
    filePath: fileName,
    suppressDeprecatedPropertyWarnings: true,
  });
}

/** A parse that succeeded, possibly after blanking out the declarations that hold syntax errors. */
export interface RecoveredParse {
  ast: TSESTree.Program;
  /** The text the tree describes: the input with each broken declaration replaced by `;` and spaces (same length, same lines). */
  text: string;
  /** Ranges of the input that were blanked out (with the text that trails them), in order; empty when the input parsed as is. */
  skipped: Array<[number, number]>;
  /** The first syntax error, when there was one. */
  syntaxError?: { message: string; offset: number };
}

/** How many times a region is added after a re-parse still fails, before the file is given up. */
const MAX_RECOVERY_ATTEMPTS = 12;

/**
 * Parses the text; on a syntax error, keeps what is intact. TypeScript's own parser recovers
 * and locates every error; each top-level statement (or member of a top-level class) that holds
 * one is blanked out, keeping offsets and line breaks, and the rest is parsed again. Throws the
 * original error when nothing sound remains, and RangeError when the parser overflows the stack.
 */
export function parseRecovering(text: string, fileName: string): RecoveredParse {
  let firstError: { message: string; offset: number };
  try {
    return { ast: parseSource(text, fileName), text, skipped: [] };
  } catch (error) {
    if (!isSyntaxError(error)) throw error;
    firstError = { message: error.message, offset: error.index };
  }
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKindOf(fileName));
  const units = declarationUnits(source);
  const broken = new Set<Unit>();
  for (const position of syntaxErrorPositions(source)) {
    const unit = unitAt(units, position);
    if (unit) broken.add(unit);
  }
  const failed = unitAt(units, firstError.offset);
  if (failed) broken.add(failed);
  for (let attempt = 0; attempt < MAX_RECOVERY_ATTEMPTS && broken.size > 0; attempt++) {
    const ordered = [...broken].sort((a, b) => a.start - b.start);
    const masked = blankOut(text, ordered);
    const skipped = ordered.map((unit): [number, number] => [unit.start, unit.regionEnd]);
    try {
      return { ast: parseSource(masked, fileName), text: masked, skipped, syntaxError: firstError };
    } catch (error) {
      if (!isSyntaxError(error)) throw error;
      const next = unitAt(units, error.index);
      if (!next || broken.has(next)) break;
      broken.add(next);
    }
  }
  throw Object.assign(new Error(firstError.message), { index: firstError.offset });
}

function isSyntaxError(error: unknown): error is Error & { index: number } {
  return error instanceof Error && !(error instanceof RangeError) && typeof (error as { index?: unknown }).index === 'number';
}

/** A region that can be removed without breaking what surrounds it: a top-level statement or a class member. */
interface Unit {
  /** Where the code starts, after leading comments (those stay, so suppressions keep working). */
  start: number;
  end: number;
  /** Where its leading trivia starts: an error there is attributed to it. */
  fullStart: number;
  /** Where text that belongs with it ends: the end of the file for the last statement (an unclosed block runs to there). */
  regionEnd: number;
  members: Unit[];
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function declarationUnits(source: ts.SourceFile): Unit[] {
  const unitOf = (node: ts.Node, regionEnd: number, members: Unit[]): Unit => ({ start: node.getStart(source), end: node.end, fullStart: node.pos, regionEnd, members });
  return source.statements.map((statement, index) => {
    const regionEnd = index === source.statements.length - 1 ? source.text.length : statement.end;
    const members = ts.isClassDeclaration(statement) ? statement.members.map((member) => unitOf(member, member.end, [])) : [];
    return unitOf(statement, regionEnd, members);
  });
}

/** Where TypeScript's parser reports syntax errors (the diagnostics are not part of its public typings). */
function syntaxErrorPositions(source: ts.SourceFile): number[] {
  const diagnostics = (source as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics.map((diagnostic) => diagnostic.start ?? 0);
}

/** The innermost unit an offset belongs to; an error after the last statement belongs to that statement. */
function unitAt(units: readonly Unit[], offset: number): Unit | undefined {
  const last = units.at(-1);
  const unit = units.find((candidate) => candidate.fullStart <= offset && offset <= candidate.end) ?? (last && offset > last.end ? last : undefined);
  return unit && (unit.members.find((member) => member.fullStart <= offset && offset <= member.end) ?? unit);
}

/** Replaces each unit with `;` and spaces, keeping line breaks: the `;` stops a neighbour from joining across the gap. */
function blankOut(text: string, units: readonly Unit[]): string {
  let output = '';
  let previous = 0;
  for (const { start, end } of units) {
    if (start < previous || start >= end) continue;
    output += text.slice(previous, start) + ';' + text.slice(start + 1, end).replace(/[^\r\n]/g, ' ');
    previous = end;
  }
  return output + text.slice(previous);
}

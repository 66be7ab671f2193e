import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { astConverter, type ParseSettings } from '@typescript-eslint/typescript-estree/use-at-your-own-risk';
import ts from 'typescript';
import { withLazyComments } from './comments';
import type { FastParser } from './parse-oxc';

export { isSourceFile, SOURCE_EXTENSIONS } from './source-files';

/** Parses once, with only what the rules read: ranges, no tokens or line/column objects, and comments only when read. */
export function parseSource(text: string, fileName: string): TSESTree.Program {
  return convertSourceFile(parseTypeScript(text, fileName), text);
}

/**
 * TypeScript's tree of a file exactly as typescript-estree's `parse` makes it (no JSDoc,
 * `.mjs`/`.mts` always modules), so that one parse serves the syntax signals, the project facts
 * and the ESTree. Nodes get no `parent` until `convertSourceFile` sets them: the signals' walk
 * needs none, and most trees are never converted.
 */
export function parseTypeScript(text: string, fileName: string): ts.SourceFile {
  const alwaysModule = /\.m[jt]s$/i.test(fileName);
  return ts.createSourceFile(
    fileName,
    text,
    {
      languageVersion: ts.ScriptTarget.Latest,
      jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
      ...(alwaysModule && {
        setExternalModuleIndicator: (file: ts.SourceFile) => void ((file as { externalModuleIndicator?: unknown }).externalModuleIndicator = true),
      }),
    },
    false,
    scriptKindOf(fileName),
  );
}

/** What typescript-estree's converter reads of its settings, as `parseSource` asks for the tree. */
export const CONVERT_SETTINGS: Pick<
  ParseSettings,
  'range' | 'loc' | 'comment' | 'tokens' | 'allowInvalidAST' | 'errorOnUnknownASTType' | 'suppressDeprecatedPropertyWarnings'
> = {
  range: true,
  loc: false,
  comment: false,
  tokens: null,
  // The converter's own grammar checks (errors TypeScript's checker, not its parser, reports) took a tenth of the conversion; a file TypeScript parses is analyzed.
  allowInvalidAST: true,
  errorOnUnknownASTType: false,
  suppressDeprecatedPropertyWarnings: true,
};

/**
 * TypeScript's own pass that sets `parent` at the end of a parse that asks for parents (internal but
 * stable, as `parseDiagnostics`): run on a tree parsed without them, it gives the tree that parse gives.
 */
export const setParentRecursive = (ts as unknown as { setParentRecursive(node: ts.Node, incremental: boolean): void }).setParentRecursive;

/** The parser that makes the ESTree of a text TypeScript parsed without a syntax error, in place of the conversion; none by default. */
let fastParser: FastParser | undefined;

/** The last text the fast parser rejected, under its file name. */
let rejected: { text?: string; fileName?: string } = {};

/**
 * Makes `parser` (oxc-parser's raw transfer, `oxcParser`) give the ESTree of every text TypeScript's parser accepts, for the
 * rest of the process; undefined restores the conversion. Texts with syntax errors are still converted, so that errors, their
 * offsets and the recovery of the intact declarations stay TypeScript's.
 */
export function useFastParser(parser: FastParser | undefined): void {
  fastParser = parser;
  rejected = {};
}

/** The ESTree of a tree `parseTypeScript` made; throws typescript-estree's error (with `index`) on a syntax error. */
export function convertSourceFile(sourceFile: ts.SourceFile, text: string): TSESTree.Program {
  const fast = (sourceFile as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length === 0 ? fastParse(text, sourceFile.fileName) : undefined;
  if (fast) return fast;
  // The converter reads `parent`.
  setParentRecursive(sourceFile, true);
  return withLazyComments(astConverter(sourceFile, CONVERT_SETTINGS as ParseSettings, false).estree, text);
}

/**
 * The fast parser's ESTree of a text TypeScript's parser accepts (no syntax error); undefined without a fast parser, or where it
 * rejects the text (then TypeScript's tree is converted, as without it).
 */
export function fastParse(text: string, fileName: string): TSESTree.Program | undefined {
  // The text just rejected (JSX in a `.js` file) comes back once TypeScript has parsed it: it is not asked again.
  if (!fastParser || (text === rejected.text && fileName === rejected.fileName)) return undefined;
  try {
    return withLazyComments(fastParser(text, fileName), text);
  } catch {
    rejected = { text, fileName };
    return undefined;
  }
}

/** How a tree `parseTypeScript` made becomes the ESTree: `convertSourceFile`, or an `EditedFile`'s conversion of what changed. */
export type ToESTree = (sourceFile: ts.SourceFile, text: string) => TSESTree.Program;

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

/** Broken declarations blanked out one after the other before a file is given up. */
const MAX_RECOVERY_ATTEMPTS = 12;

/** Above this many syntax errors a file is given up at once (a generated file of garbage has one per line). */
const MAX_SYNTAX_ERRORS = 1000;

/**
 * Parses the text; on a syntax error, keeps what is intact. The first error's top-level
 * statement (or member of a top-level class) is blanked out, keeping offsets and line breaks,
 * and the rest is parsed again, until it parses. TypeScript's recovering parser says where each
 * declaration starts; its end is the later of where TypeScript ends it and where the layout
 * does (a broken header can make TypeScript end a function early). Throws the original error
 * when nothing sound remains, and RangeError when the parser overflows the stack. `sourceFile`
 * is the text's tree from `parseTypeScript` when the caller has one: it is converted (by `toESTree`), not parsed again.
 */
export function parseRecovering(text: string, fileName: string, sourceFile?: ts.SourceFile, toESTree: ToESTree = convertSourceFile): RecoveredParse {
  let error: Error & { index: number };
  try {
    return { ast: sourceFile ? toESTree(sourceFile, text) : parseSource(text, fileName), text, skipped: [] };
  } catch (caught) {
    if (!isSyntaxError(caught)) throw caught;
    error = caught;
  }
  const syntaxError = { message: error.message, offset: error.index };
  const skipped: Array<[number, number]> = [];
  let masked = text;
  for (let attempt = 0; attempt < MAX_RECOVERY_ATTEMPTS; attempt++) {
    const region = brokenRegion(masked, fileName, error.index);
    if (!region) break;
    masked = blankOut(masked, region.blank);
    skipped.push(region.skip);
    try {
      return { ast: parseSource(masked, fileName), text: masked, skipped: skipped.sort((a, b) => a[0] - b[0]), syntaxError };
    } catch (caught) {
      if (!isSyntaxError(caught)) throw caught;
      error = caught;
    }
  }
  throw Object.assign(new Error(syntaxError.message), { index: syntaxError.offset });
}

function isSyntaxError(error: unknown): error is Error & { index: number } {
  return error instanceof Error && !(error instanceof RangeError) && typeof (error as { index?: unknown }).index === 'number';
}

/** The script kind typescript-estree gives a file name: by its extension, TypeScript without JSX otherwise. */
function scriptKindOf(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/**
 * The region to blank out for the first syntax error of a text: the declaration that holds it,
 * or a stray token between declarations. `skip` adds the text a broken last declaration may have
 * swallowed, so that no fix lands there. Undefined when no region is left to blank.
 */
function brokenRegion(text: string, fileName: string, errorIndex: number): { blank: [number, number]; skip: [number, number] } | undefined {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKindOf(fileName));
  const diagnostics = (source as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  // Not code with a few broken declarations but something else: each attempt would parse it all again.
  if (diagnostics.length > MAX_SYNTAX_ERRORS) return undefined;
  // A loop: a file of garbage has more errors than a spread can pass as arguments.
  let first = errorIndex;
  for (const diagnostic of diagnostics) if (diagnostic.start !== undefined && diagnostic.start < first) first = diagnostic.start;
  const statements = source.statements;
  let statement: ts.Node | undefined = statements.find((candidate) => candidate.pos <= first && first <= candidate.end);
  let node =
    statement && ts.isClassDeclaration(statement) ? (statement.members.find((member) => member.pos <= first && first <= member.end) ?? statement) : statement;
  if (!node || first < node.getStart(source)) {
    // A token the parser skipped between declarations: only that token goes.
    const length = diagnostics.find((diagnostic) => diagnostic.start === first)?.length ?? 1;
    const end = Math.min(text.length, first + Math.max(1, length));
    if (text.slice(first, end).trim() !== '') return { blank: [first, end], skip: [first, end] };
    // Nothing there but the end of the file (`'}' expected`): the error belongs to the declaration left open.
    node = statement = statements.findLast((candidate) => candidate.end <= first);
    if (!node) return undefined;
  }
  const start = node.getStart(source);
  const end = Math.max(node.end, layoutEnd(text, start));
  return { blank: [start, end], skip: [start, statement === statements.at(-1) ? text.length : end] };
}

/**
 * Where a declaration ends by its layout: the line that closes it at its own indentation
 * (`}` under `function`), else the line before the next line indented no deeper. The start
 * of the declaration when it does not begin its line.
 */
function layoutEnd(text: string, start: number): number {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return start;
  const indentation = start - lineStart;
  let end = text.indexOf('\n', start);
  while (end !== -1 && end < text.length) {
    const next = end + 1;
    const lineEnd = text.indexOf('\n', next) === -1 ? text.length : text.indexOf('\n', next);
    const line = text.slice(next, lineEnd).replace(/\r$/, '');
    const content = line.trimStart();
    const depth = line.length - content.length;
    if (content === '' || /^(\/\/|\/\*|\*)/.test(content) || depth > indentation) {
      end = lineEnd;
      continue;
    }
    return depth === indentation && /^[}\])]/.test(content) ? next + line.length : end;
  }
  return text.length;
}

/** Replaces a range with `;` and spaces, keeping line breaks: the `;` stops a neighbour from joining across the gap. */
function blankOut(text: string, [start, end]: [number, number]): string {
  const blank = text.slice(start, end).replace(/[^\r\n]/g, ' ');
  return text.slice(0, start) + (/[\r\n]/.test(text[start] ?? '\n') ? blank : `;${blank.slice(1)}`) + text.slice(end);
}

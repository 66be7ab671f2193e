import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/**
 * Gives the tree a `comments` list that is found on first read. Most files never need their
 * comments (only suppressions and a few rule checks read them), and the parser's own comment
 * pass re-scans every token: about a third of the parse.
 */
export function withLazyComments(ast: TSESTree.Program, text: string): TSESTree.Program {
  let comments: TSESTree.Comment[] | undefined;
  Object.defineProperty(ast, 'comments', {
    configurable: true,
    enumerable: true,
    get: () => (comments ??= findComments(ast, text)),
    set: (value: TSESTree.Comment[]) => {
      comments = value;
    },
  });
  return ast;
}

const SLASH = 47;
const STAR = 42;

/** Node types whose text may hold `//` or `/*` that are not comments. */
const OPAQUE_TYPES = new Set<string>(['Literal', 'TemplateElement', 'JSXText']);

/**
 * The comments of a parsed text, as the parser reports them: outside string, regular
 * expression, template and JSX text nodes, a `//` or `/*` can only start a comment.
 */
export function findComments(ast: TSESTree.Program, text: string): TSESTree.Comment[] {
  const opaque = opaqueRanges(ast);
  const lines = new LineCounter(text);
  const comments: TSESTree.Comment[] = [];
  // A shebang line is not a comment.
  let offset = text.startsWith('#!') ? lineEnd(text, 2) : 0;
  let next = 0;
  while (offset < text.length) {
    const boundary = next < opaque.length ? opaque[next]![0] : text.length;
    if (offset >= boundary) {
      offset = Math.max(offset, opaque[next]![1]);
      next++;
      continue;
    }
    const slash = text.indexOf('/', offset);
    if (slash === -1 || slash >= boundary) {
      offset = boundary;
      continue;
    }
    const following = text.charCodeAt(slash + 1);
    if (following === SLASH) {
      const end = lineEnd(text, slash + 2);
      comments.push(comment('Line', slash, end, text.slice(slash + 2, end), lines));
      offset = end;
    } else if (following === STAR) {
      const close = text.indexOf('*/', slash + 2);
      const end = close === -1 ? text.length : close + 2;
      comments.push(comment('Block', slash, end, text.slice(slash + 2, close === -1 ? end : close), lines));
      offset = end;
    } else {
      offset = slash + 1;
    }
  }
  return comments;
}

/** Ranges of the nodes whose text is not code, in source order. */
function opaqueRanges(ast: TSESTree.Program): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const stack: TSESTree.Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (OPAQUE_TYPES.has(node.type)) {
      ranges.push(node.range);
      continue;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) stack.push(item);
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }
  // Visitor keys are not always in source order (a template's quasis come before its expressions).
  return ranges.sort((a, b) => a[0] - b[0]);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

function lineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return end;
}

function comment(type: 'Line' | 'Block', start: number, end: number, value: string, lines: LineCounter): TSESTree.Comment {
  return { type, value, range: [start, end], loc: { start: lines.position(start), end: lines.position(end) } } as TSESTree.Comment;
}

/** 1-based lines and 0-based columns with the parser's line breaks (CR, LF, CRLF, U+2028, U+2029), for offsets asked in increasing order. */
class LineCounter {
  private line = 1;
  private lineStart = 0;
  private scanned = 0;

  constructor(private readonly text: string) {}

  position(offset: number): TSESTree.Position {
    for (; this.scanned < offset; this.scanned++) {
      const code = this.text.charCodeAt(this.scanned);
      if (!isLineBreak(code) || (code === 13 && this.text.charCodeAt(this.scanned + 1) === 10)) continue;
      this.line++;
      this.lineStart = this.scanned + 1;
    }
    return { line: this.line, column: offset - this.lineStart };
  }
}

import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';

/** How a file writes code, so that what a fix adds reads like its neighbours. */
export interface FileStyle {
  quote: '"' | "'";
  /** `';'`, or `''` in a file that leaves semicolons out. */
  semicolon: string;
  /** One level of indentation: a tab or some spaces. */
  indent: string;
}

/** Statements whose end shows whether the file writes semicolons. */
const TERMINATED: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ThrowStatement,
]);

/** The file's quotes, semicolons and indentation, by majority of what it already has. */
export function fileStyle(context: RuleContext): FileStyle {
  return context.shared.memo('fileStyle', () => {
    const text = context.text;
    let withSemicolon = 0;
    let without = 0;
    const count = (statements: readonly TSESTree.Node[]): void => {
      for (const statement of statements) {
        if (
          !TERMINATED.has(statement.type) ||
          (statement.type === AST_NODE_TYPES.VariableDeclaration &&
            statement.parent?.type !== AST_NODE_TYPES.BlockStatement &&
            statement.parent?.type !== AST_NODE_TYPES.Program)
        )
          continue;
        if (text[statement.range[1] - 1] === ';') withSemicolon++;
        else without++;
      }
    };
    count(context.ast.body);
    for (const statement of context.ast.body) {
      const declaration =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
          ? statement.declaration
          : statement;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.body) count(declaration.body.body);
    }
    const single = text.match(/'[^'\n]*'/g)?.length ?? 0;
    const double = text.match(/"[^"\n]*"/g)?.length ?? 0;
    const indents = (text.match(/^(?: +|\t+)(?=[^\s*])/gm) ?? []).slice(0, 200);
    const indented =
      indents.reduce<string | undefined>((smallest, indent) => (!smallest || indent.length < smallest.length ? indent : smallest), undefined) ?? '  ';
    return {
      quote: double > single ? '"' : "'",
      semicolon: without > withSemicolon ? '' : ';',
      indent: indented.startsWith('\t') ? '\t' : ' '.repeat(Math.min(indented.length, 8)),
    };
  });
}

/** The line ending the file mostly uses. */
export function lineEnding(text: string): '\n' | '\r\n' {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/** A fix whose inserted lines end as the file's lines do (CRLF files stay CRLF). */
export function withLineEnding<T extends { edits: Array<{ text: string }> }>(text: string, fix: T): T {
  if (lineEnding(text) === '\n') return fix;
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r?\n/g, '\r\n') })) };
}

/** Whether the file is TypeScript, where added code carries types and non-null assertions. */
export function isTypeScript(context: RuleContext): boolean {
  return /\.(?:ts|tsx|mts|cts)$/i.test(context.fileName);
}

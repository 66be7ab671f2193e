import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext, TextEdit } from '../types';
import { fileStyle, type FileStyle } from './style';
import { normalizeModule, requiredModule, resolveModuleMember, type ModuleMember } from '../analysis/resolve';

/** A module member as local code can name it, with the edits that make the name exist. */
export interface Binding {
  text: string;
  edits: TextEdit[];
}

/** Variables declared at module level, with the module member each one holds. */
function moduleLevelBindings(context: RuleContext): Array<{ name: string; member: ModuleMember }> {
  return context.shared.memo('moduleLevelBindings', () => {
    const scope = context.scopeManager.scopes.find((candidate) => candidate.type === 'module') ?? context.scopeManager.globalScope;
    const bindings: Array<{ name: string; member: ModuleMember }> = [];
    for (const variable of scope?.variables ?? []) {
      const identifier = variable.identifiers[0];
      if (variable.defs.length !== 1 || !identifier || isTypeOnly(variable.defs[0]!.node)) continue;
      const member = resolveModuleMember(context, identifier);
      if (member) bindings.push({ name: variable.name, member });
    }
    return bindings;
  });
}

/** An import that brings only a type (`import type x`, `import { type x }`), unusable as a value. */
function isTypeOnly(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ImportSpecifier && node.importKind === 'type') return true;
  return node.parent?.type === AST_NODE_TYPES.ImportDeclaration && node.parent.importKind === 'type';
}

/** Every name the file declares in any scope or reads as a global, so new names can avoid them. */
function takenNames(context: RuleContext): Set<string> {
  return context.shared.memo('takenNames', () => {
    const names = new Set<string>();
    for (const scope of context.scopeManager.scopes) {
      for (const variable of scope.variables) names.add(variable.name);
      for (const reference of scope.through) names.add(reference.identifier.name);
    }
    return names;
  });
}

/** Whether a name is declared in a nested scope, where it would hide a module-level binding of the same name. */
function shadowedSomewhere(context: RuleContext, name: string): boolean {
  return context.scopeManager.scopes.some(
    (scope) => scope.type !== 'module' && scope.type !== 'global' && scope.variables.some((variable) => variable.name === name),
  );
}

/** A name not used anywhere in the file: `preferred`, else `preferred` with a suffix. */
export function freshName(context: RuleContext, preferred: string, taken: ReadonlySet<string> = new Set()): string {
  const names = takenNames(context);
  const free = (name: string): boolean => !names.has(name) && !taken.has(name);
  if (free(preferred)) return preferred;
  for (const suffix of ['Async', 'Promise']) if (free(preferred + suffix)) return preferred + suffix;
  for (let index = 2; ; index++) if (free(`${preferred}${index}`)) return `${preferred}${index}`;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

/**
 * An existing module-level binding that names `name` of a module: `readFile` after
 * `import { readFile } from 'fs/promises'`, or `fsp.readFile` after `import fsp from 'fs/promises'`.
 * `places` lists where the member lives (`fs/promises` itself, or `fs` under `promises`).
 */
export function existingBinding(context: RuleContext, places: readonly ModuleMember[], name: string): string | undefined {
  for (const binding of moduleLevelBindings(context)) {
    if (shadowedSomewhere(context, binding.name)) continue;
    for (const place of places) {
      if (binding.member.module !== place.module) continue;
      if (samePath(binding.member.path, [...place.path, name])) return binding.name;
      if (samePath(binding.member.path, place.path)) return `${binding.name}.${name}`;
    }
  }
  return undefined;
}

/** How the file loads modules and writes specifiers, so added imports look like their neighbours. */
interface ModuleStyle extends FileStyle {
  esm: boolean;
  nodePrefix: boolean;
}

export function isRequireStatement(context: RuleContext, statement: TSESTree.Node): boolean {
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.some((declarator) => {
      let init = declarator.init;
      while (init?.type === AST_NODE_TYPES.MemberExpression || (init?.type === AST_NODE_TYPES.CallExpression && !requiredModule(context, init))) {
        init = init.type === AST_NODE_TYPES.MemberExpression ? init.object : init.callee;
      }
      return !!init && requiredModule(context, init) !== undefined;
    })
  );
}

function isImportStatement(statement: TSESTree.Node): boolean {
  return statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration;
}

function moduleStyle(context: RuleContext): ModuleStyle {
  const body = context.ast.body;
  const imports = body.filter(isImportStatement);
  const commonJs = /\.c[jt]s$/i.test(context.fileName) || (imports.length === 0 && body.some((statement) => isRequireStatement(context, statement)));
  const esm = imports.length > 0 || (!commonJs && (context.ast.sourceType === 'module' || /\.(?:m?ts|tsx)$/i.test(context.fileName)));
  const sample = (imports[0] ?? body.find((statement) => isRequireStatement(context, statement)))?.range;
  const sampleText = sample ? context.text.slice(sample[0], sample[1]) : '';
  const style = fileStyle(context);
  return {
    ...style,
    esm,
    quote: !sample ? style.quote : /"/.test(sampleText) && !/'/.test(sampleText) ? '"' : "'",
    semicolon: !sample ? style.semicolon : sampleText.endsWith(';') ? ';' : '',
    nodePrefix: /['"]node:/.test(context.text),
  };
}

/** The specifier to write for a built-in or package module, following the file's `node:` habit. */
function specifierText(module: string, style: ModuleStyle): string {
  const builtin = /^(fs|fs\/promises|child_process|util|crypto|zlib|path)$/.test(module);
  return `${style.quote}${builtin && style.nodePrefix ? `node:${module}` : module}${style.quote}`;
}

/** The last named specifier of an `import x, { a, b } from 'module'` (values) that a named import can join. */
function joinableImport(context: RuleContext, module: string): TSESTree.ImportSpecifier | undefined {
  for (const statement of context.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type' || normalizeModule(statement.source.value) !== module) continue;
    const named = statement.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    if (named.length > 0) return named[named.length - 1] as TSESTree.ImportSpecifier;
  }
  return undefined;
}

/** A `const { a, b } = require('module')` that a named import can join. */
function joinableRequire(context: RuleContext, module: string): TSESTree.ObjectPattern | undefined {
  for (const statement of context.ast.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
    for (const declarator of statement.declarations) {
      if (
        declarator.id.type === AST_NODE_TYPES.ObjectPattern &&
        declarator.init &&
        requiredModule(context, declarator.init) === module &&
        declarator.id.properties.every((property) => property.type === AST_NODE_TYPES.Property)
      ) {
        return declarator.id;
      }
    }
  }
  return undefined;
}

/**
 * Comments that must stay first in a file: pragmas (`// @ts-nocheck`, `/** @jest-environment node *\/`,
 * `// eslint-disable`), license headers and a hashbang.
 */
const HEADER_COMMENT =
  /^#!|@ts-nocheck|@ts-check|@jest-environment|@vitest-environment|@flow|@format|@license|@preserve|@copyright|copyright|SPDX-License-Identifier|eslint-disable|prettier-ignore|@jsx|@refresh/i;

/** A comment that opens the file and is not a doc comment (`/** … *\/`): the file's own header, whatever it says. */
function opensFile(text: string, offset: number, commentText: string): boolean {
  return !commentText.startsWith('/**') && /^\uFEFF?(?:#![^\n]*\n)?\s*$/.test(text.slice(0, offset));
}

function isDirective(statement: TSESTree.Node): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string';
}

/**
 * Where new top-level statements go: after the last import or require, else after the
 * directives, else before the first statement: below header comments, above the first
 * statement's own doc comment.
 */
export function statementInsertionPoint(context: RuleContext): { offset: number; before: boolean } {
  const body = context.ast.body;
  let last: TSESTree.Node | undefined;
  for (const statement of body) {
    if (isImportStatement(statement) || isRequireStatement(context, statement)) last = statement;
  }
  if (last) {
    // `const path = require('path')\n/* global HUB */;run()`: the next statement shares the line the last one ends on, so go before it.
    const next = body[body.indexOf(last as TSESTree.ProgramStatement) + 1];
    const sharesLine = next !== undefined && !/[\r\n\u2028\u2029]/.test(context.text.slice(last.range[1], next.range[0]));
    return sharesLine ? { offset: next.range[0], before: true } : { offset: last.range[1], before: false };
  }
  const lastDirective = [...body].reverse().find(isDirective);
  if (lastDirective) return { offset: lastDirective.range[1], before: false };
  const firstCode = body[0];
  if (!firstCode) {
    const lastComment = context.ast.comments?.[context.ast.comments.length - 1];
    return lastComment ? { offset: lastComment.range[1], before: false } : { offset: 0, before: true };
  }
  const text = context.text;
  const leading = (context.ast.comments ?? []).filter((comment) => comment.range[1] <= firstCode.range[0]);
  let offset = firstCode.range[0];
  for (let index = leading.length - 1; index >= 0; index--) {
    const comment = leading[index]!;
    const commentText = text.slice(comment.range[0], comment.range[1]);
    if (/\n[ \t]*\r?\n/.test(text.slice(comment.range[1], offset)) || HEADER_COMMENT.test(commentText) || opensFile(text, comment.range[0], commentText)) break;
    offset = comment.range[0];
  }
  if (offset === firstCode.range[0] && leading.length > 0 && !/\n[ \t]*$/.test(text.slice(0, offset))) {
    // The first statement shares its line with a header comment: go after that comment.
    return { offset: leading[leading.length - 1]!.range[1], before: false };
  }
  return { offset, before: true };
}

/** An edit that adds one top-level statement at the insertion point; `first`: an import set off from the code by a blank line when the file has none. */
export function addStatement(context: RuleContext, statement: string, first = false): TextEdit {
  const point = statementInsertionPoint(context);
  return { start: point.offset, end: point.offset, text: point.before ? `${statement}\n${first ? '\n' : ''}` : `\n${statement}` };
}

/** An edit that adds a top-level declaration (a helper function) at the insertion point, set off by blank lines. */
export function addDeclaration(context: RuleContext, declaration: string): TextEdit {
  const point = statementInsertionPoint(context);
  // Below a header comment, a blank line sets the declaration off from it.
  const belowComment = point.before && /\S[ \t]*\r?\n[ \t]*$/.test(context.text.slice(0, point.offset));
  return { start: point.offset, end: point.offset, text: point.before ? `${belowComment ? '\n' : ''}${declaration}\n\n` : `\n\n${declaration}` };
}

/** The local name of the default export of `module` (`import x from`, `const x = require`), if the file has one. */
function existingDefault(context: RuleContext, module: string): string | undefined {
  for (const statement of context.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type' && normalizeModule(statement.source.value) === module) {
      const specifier = statement.specifiers.find((item) => item.type === AST_NODE_TYPES.ImportDefaultSpecifier);
      if (specifier) return specifier.local.name;
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && requiredModule(context, declarator.init) === module)
          return declarator.id.name;
      }
    }
  }
  return undefined;
}

/**
 * A local name for the default export of `module` (p-map, p-limit), adding `import name from`
 * (or `const name = require(...)`) in the file's own style when none exists.
 */
export function importDefault(context: RuleContext, module: string, name: string, taken: ReadonlySet<string> = new Set()): Binding {
  const existing = existingDefault(context, module);
  if (existing && !shadowedSomewhere(context, existing)) return { text: existing, edits: [] };
  const style = moduleStyle(context);
  const local = freshName(context, name, taken);
  const statement = style.esm
    ? `import ${local} from ${specifierText(module, style)}${style.semicolon}`
    : `const ${local} = require(${specifierText(module, style)})${style.semicolon}`;
  const point = statementInsertionPoint(context);
  // The first import of a file is set off from its code by a blank line.
  return { text: local, edits: [{ start: point.offset, end: point.offset, text: point.before ? `${statement}\n\n` : `\n${statement}` }] };
}

/**
 * A local name for `name` of `module`, adding a named import (or destructured `require`) in
 * the file's own style when none exists. `taken` holds names other edits of the same fix add.
 */
export function importNamed(context: RuleContext, module: string, name: string, taken: ReadonlySet<string> = new Set()): Binding {
  const style = moduleStyle(context);
  const local = freshName(context, name, taken);
  if (style.esm) {
    const joinable = joinableImport(context, module);
    const specifier = local === name ? name : `${name} as ${local}`;
    if (joinable) return { text: local, edits: [{ start: joinable.range[1], end: joinable.range[1], text: `, ${specifier}` }] };
    return { text: local, edits: [addStatement(context, `import { ${specifier} } from ${specifierText(module, style)}${style.semicolon}`, true)] };
  }
  const property = local === name ? name : `${name}: ${local}`;
  const pattern = joinableRequire(context, module);
  if (pattern) {
    const last = pattern.properties[pattern.properties.length - 1]!;
    return { text: local, edits: [{ start: last.range[1], end: last.range[1], text: `, ${property}` }] };
  }
  return { text: local, edits: [addStatement(context, `const { ${property} } = require(${specifierText(module, style)})${style.semicolon}`, true)] };
}

/** The name of `name` of `module` in this file: an existing binding, else a new named import. */
export function bindingFor(context: RuleContext, places: readonly ModuleMember[], name: string, taken?: ReadonlySet<string>): Binding {
  const existing = existingBinding(context, places, name);
  return existing ? { text: existing, edits: [] } : importNamed(context, places[0]!.module, name, taken);
}

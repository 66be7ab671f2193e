import { AST_NODE_TYPES } from '@typescript-eslint/typescript-estree';
import type { NewFile, RuleContext, TextEdit } from '../types';
import { addDeclaration, existingBinding, importDefault, importNamed } from './imports';
import { fileStyle, isTypeScript } from './style';

/** The name of the helper the fixes use when the project has neither p-map nor p-limit. */
export const HELPER_NAME = 'mapWithConcurrency';

/** How the fix bounds concurrency: the project's p-map or p-limit, or the helper (local, or imported from the project's helper module). */
export interface Limiter {
  kind: 'p-map' | 'p-limit' | 'helper';
  name: string;
  edits: TextEdit[];
  /** The project's helper module, when the fix must create it. */
  newFiles?: NewFile[];
}

/** An item-to-promise function as source text: whole, and as parameters plus a no-argument thunk for p-limit. */
export interface Mapper {
  text: string;
  params: string;
  thunk: string;
}

/**
 * p-map (all results at once only) or p-limit when the project depends on them, reusing an
 * existing import; else the helper: imported from the configured helper module, or declared
 * in the file. Undefined when the helper's name is taken by something else.
 */
export function chooseLimiter(context: RuleContext, taken: ReadonlySet<string>, allAtOnce: boolean): Limiter | undefined {
  const dependencies = context.options.project.dependencies;
  for (const kind of allAtOnce ? (['p-map', 'p-limit'] as const) : (['p-limit'] as const)) {
    if (!dependencies.has(kind)) continue;
    const binding = importDefault(context, kind, kind === 'p-map' ? 'pMap' : 'pLimit', taken);
    return { kind, name: binding.text, edits: binding.edits };
  }
  const existing = existingHelper(context);
  if (existing === 'ours') return { kind: 'helper', name: HELPER_NAME, edits: [] };
  const module = context.options.helperModule;
  if (module && module.file !== context.fileName) {
    const specifier = importSpecifier(context, module.file);
    const imported = existingBinding(context, [{ module: specifier, path: [] }], HELPER_NAME);
    const binding = imported ? { text: imported, edits: [] } : importNamed(context, specifier, HELPER_NAME, taken);
    return {
      kind: 'helper',
      name: binding.text,
      edits: binding.edits,
      ...(!module.exists && { newFiles: [{ file: module.file, text: helperModuleText(context, module.file) }] }),
    };
  }
  if (existing === 'other') return undefined;
  return { kind: 'helper', name: HELPER_NAME, edits: [addDeclaration(context, helperText(context, isTypeScript(context)))] };
}

/** The one line after a p-limit promise per item: the loop meets each error when it awaits that item, so none may end the process before. */
export function handledLater(name: string, semicolon: string): string {
  return `${name}.forEach((promise) => promise.catch(() => {}))${semicolon} // each error reaches the loop when it awaits that item`;
}

/**
 * The bounded map as text: `all` resolves to the results in input order; `promises` (the
 * helper and p-limit) is one promise per item, for loops that await them in order.
 * `before` is a statement it needs first (a p-limit limiter), ending in a new line and `indent`.
 */
export function limitedMapText(
  context: RuleContext,
  limiter: Limiter,
  items: string,
  mapper: Mapper,
  indent: string,
  limitName: string,
): { before: string; all: string; promises?: string } {
  const limit = context.options.concurrencyLimit;
  switch (limiter.kind) {
    case 'helper': {
      const promises = `${limiter.name}(${items}, ${limit}, ${mapper.text})`;
      return { before: '', all: `Promise.all(${promises})`, promises };
    }
    case 'p-map':
      return { before: '', all: `${limiter.name}(${items}, ${mapper.text}, { concurrency: ${limit} })` };
    case 'p-limit': {
      const promises = `${items}.map(${mapper.params} => ${limitName}(${mapper.thunk}))`;
      return { before: `const ${limitName} = ${limiter.name}(${limit})${fileStyle(context).semicolon}\n${indent}`, all: `Promise.all(${promises})`, promises };
    }
  }
}

/**
 * The helper's source in the file's indentation and semicolon style, with TypeScript
 * annotations (typed by the items' array type, so that `any` items stay `any`) or without.
 * It behaves as p-limit does: items start in order, every item runs, each result or error
 * reaches the code that awaits that item's promise and no other.
 */
function helperText(context: RuleContext, typed: boolean): string {
  const style = fileStyle(context);
  const type = (annotation: string): string => (typed ? annotation : '');
  const source = `/** Calls \`mapper\` on each item in order, at most \`limit\` at a time; one promise per item, whose error only its awaiter sees. */
function ${HELPER_NAME}${type('<Items extends readonly unknown[], R>')}(items${type(': Items')}, limit${type(': number')}, mapper${type(': (item: Items[number], index: number) => R | PromiseLike<R>')})${type(': Promise<R>[]')} {
  const waiting${type(': Array<() => void>')} = [];
  let running = 0;
  const release = ()${type(': void')} => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return items.map((item, index) => {
    const turn = running < limit ? (running++, Promise.resolve()) : new Promise${type('<void>')}((start) => waiting.push(start));
    const result = turn.then(() => mapper(item, index));
    // The next item starts when this one settles; an error still reaches only the code that awaits this item.
    result.then(release, release);
    return result;
  });
}`;
  return source
    .split('\n')
    .map((line) => {
      const indent = /^(?: {2})*/.exec(line)![0];
      const body = line.slice(indent.length);
      return style.indent.repeat(indent.length / 2) + (style.semicolon === '' && body.endsWith(';') ? body.slice(0, -1) : body);
    })
    .join('\n');
}

/** 'ours' when the file already declares the helper at top level, 'other' when the name is used otherwise. */
function existingHelper(context: RuleContext): 'ours' | 'other' | undefined {
  for (const statement of context.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === HELPER_NAME) {
      return declaration.params.length === 3 && !declaration.async ? 'ours' : 'other';
    }
  }
  return new RegExp(`\\b${HELPER_NAME}\\b`).test(context.text) ? 'other' : undefined;
}

/** The helper as a module of its own, in the style of the file that first needs it: an ES module, or CommonJS for `.cjs`. */
function helperModuleText(context: RuleContext, file: string): string {
  const helper = helperText(context, /\.[cm]?tsx?$/i.test(file));
  if (/\.cjs$/i.test(file)) return `${helper}\n\nmodule.exports = { ${HELPER_NAME} }${fileStyle(context).semicolon}\n`;
  return `${helper.replace(`\nfunction ${HELPER_NAME}`, `\nexport function ${HELPER_NAME}`)}\n`;
}

/**
 * The specifier that imports `file` from the analyzed file: relative, without extension as
 * TypeScript and bundlers resolve it, or with the JavaScript extension where Node's ES modules
 * need one (`.mjs`, `.cjs`, `.mts`, `.cts` files, or a file whose relative imports name theirs).
 */
function importSpecifier(context: RuleContext, file: string): string {
  const relative = relativePath(context.fileName, file);
  const extension = /\.[cm]?[jt]sx?$/i.exec(relative)?.[0] ?? '';
  const withExtension =
    /^\.[cm]/i.test(extension) ||
    /\.[cm][jt]s$/i.test(context.fileName) ||
    /\bfrom\s+['"]\.\.?\/[^'"]*\.[cm]?js['"]|\brequire\(\s*['"]\.\.?\/[^'"]*\.[cm]?js['"]/.test(context.text);
  if (!withExtension) return relative.slice(0, relative.length - extension.length);
  return relative.slice(0, relative.length - extension.length) + extension.replace(/tsx?$/i, 'js');
}

/** `to` as a path relative to the folder of `from` (both absolute), starting with `./` or `../`, with forward slashes. */
function relativePath(from: string, to: string): string {
  const folder = from.replace(/\\/g, '/').split('/').slice(0, -1);
  const target = to.replace(/\\/g, '/').split('/');
  let common = 0;
  while (common < folder.length && common < target.length - 1 && folder[common] === target[common]) common++;
  const rest = target.slice(common).join('/');
  return folder.length === common ? `./${rest}` : `${'../'.repeat(folder.length - common)}${rest}`;
}

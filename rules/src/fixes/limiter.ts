import { AST_NODE_TYPES } from '@typescript-eslint/typescript-estree';
import type { RuleContext, TextEdit } from '../types';
import { addDeclaration, importDefault } from './imports';
import { fileStyle, isTypeScript } from './style';

/** The name of the local helper the fixes insert when the project has neither p-map nor p-limit. */
export const HELPER_NAME = 'mapWithConcurrency';

/** How the fix bounds concurrency: the project's p-map or p-limit, or the local helper. */
export type Limiter = { kind: 'p-map' | 'p-limit'; name: string; edits: TextEdit[] } | { kind: 'helper'; name: string; edits: TextEdit[] };

/** An item-to-promise function as source text: whole, and as parameters plus a no-argument thunk for p-limit. */
export interface Mapper {
  text: string;
  params: string;
  thunk: string;
}

/**
 * p-map or p-limit when the project depends on them (reusing an existing import) and the
 * caller can await all results at once; else the local helper, which gives one promise per item.
 */
export function chooseLimiter(context: RuleContext, taken: ReadonlySet<string>, allAtOnce: boolean): Limiter | undefined {
  const dependencies = context.options.project.dependencies;
  for (const kind of allAtOnce ? (['p-map', 'p-limit'] as const) : []) {
    if (!dependencies.has(kind)) continue;
    const binding = importDefault(context, kind, kind === 'p-map' ? 'pMap' : 'pLimit', taken);
    return { kind, name: binding.text, edits: binding.edits };
  }
  const existing = existingHelper(context);
  if (existing === 'other') return undefined;
  return { kind: 'helper', name: HELPER_NAME, edits: existing ? [] : [addDeclaration(context, helperText(context))] };
}

/**
 * The bounded map as text: `all` resolves to the results in input order; `promises` (the
 * local helper only) is one promise per item, for loops that await them in order.
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
    case 'p-limit':
      return {
        before: `const ${limitName} = ${limiter.name}(${limit})${fileStyle(context).semicolon}\n${indent}`,
        all: `Promise.all(${items}.map(${mapper.params} => ${limitName}(${mapper.thunk})))`,
      };
  }
}

/**
 * The helper's source in the file's indentation and semicolon style, with TypeScript
 * annotations or without. It behaves as p-limit does: items start in order, every item runs,
 * each result or error reaches the code that awaits that item's promise and no other.
 */
function helperText(context: RuleContext): string {
  const typed = isTypeScript(context);
  const style = fileStyle(context);
  const type = (annotation: string): string => (typed ? annotation : '');
  const source = `/** Calls \`mapper\` on each item in order, at most \`limit\` at a time; one promise per item, whose error only its awaiter sees. */
function ${HELPER_NAME}${type('<T, R>')}(items${type(': readonly T[]')}, limit${type(': number')}, mapper${type(': (item: T, index: number) => R | PromiseLike<R>')})${type(': Promise<R>[]')} {
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

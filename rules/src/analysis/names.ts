/** Names in the syntax: the callee of a call, the words of an identifier, the bindings of a pattern. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { propertyName, unwrapExpression } from './resolve';
import { visitAll } from './visit';

/** `(0, helpers.delay)` as compilers write an unbound call: the last expression of the sequence. */
function unwrapCallee(node: TSESTree.Node): TSESTree.Node {
  const inner = unwrapExpression(node);
  return inner.type === AST_NODE_TYPES.SequenceExpression ? unwrapExpression(inner.expressions[inner.expressions.length - 1]!) : inner;
}

/** The last name of a callee: `fetchUser` for `api.fetchUser(id)` and `fetchUser(id)`. */
export function calleeName(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  const callee = inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression ? unwrapCallee(inner.callee) : inner;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee);
  return undefined;
}

/** Names along a callee: `this.page.locator('a').click` → this, page, locator, click. */
export function calleeChainNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  let current: TSESTree.Node = unwrapCallee(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      names.unshift(propertyName(current) ?? '');
      current = unwrapExpression(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrapCallee(current.callee);
    } else {
      if (current.type === AST_NODE_TYPES.Identifier) names.unshift(current.name);
      else if (current.type === AST_NODE_TYPES.ThisExpression) names.unshift('this');
      return names;
    }
  }
}

/** Names of the functions called inside a callee chain: `expect` for `expect(x).resolves.toBe`. */
export function rootCallNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  let current: TSESTree.Node = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(current);
      if (name) names.push(name);
      current = unwrapExpression(current.callee);
    } else current = unwrapExpression(current.object);
  }
  return names;
}

/** The last name of an expression: `migrations` for `this.migrations`, `getHooks` for `getHooks()`. */
export function lastName(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return propertyName(inner);
  if (inner.type === AST_NODE_TYPES.CallExpression) return calleeName(inner);
  return undefined;
}

/** The last part of a type reference's name: `Store` of `Store<Row>` and of `Types.Store`; undefined for any other type. */
export function typeReferenceName(type: TSESTree.TypeNode | undefined): string | undefined {
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const { typeName } = type;
  return typeName.type === AST_NODE_TYPES.Identifier ? typeName.name : typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.right.name : undefined;
}

/** Every name a binding pattern declares. */
export function patternNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  visitAll(node, (child) => {
    if (child.type === AST_NODE_TYPES.Identifier && child.parent?.type !== AST_NODE_TYPES.MemberExpression) {
      const parent = child.parent;
      if (parent?.type === AST_NODE_TYPES.Property && parent.key === child && !parent.shorthand) return;
      names.push(child.name);
    }
  });
  return names;
}

/** Lower-case words of an identifier: `runMigrationStep` → run, migration, step. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

export function calleeWords(node: TSESTree.Node): string[] {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return [];
  return words(calleeName(node) ?? '');
}

const ORDERED_WORDS: ReadonlySet<string> = new Set([
  'migration',
  'migrate',
  'seed',
  'seeder',
  'step',
  'stage',
  'phase',
  'hook',
  'plugin',
  'middleware',
  'handler',
  'listener',
  'callback',
  'command',
  'script',
  'patch',
  'upgrade',
  'downgrade',
  'revision',
  'operation',
  'instruction',
  'statement',
  'event',
  'task',
  'fixture',
  'teardown',
  'setup',
  'initializer',
  'bootstrap',
  'reducer',
  'import',
  'require',
  'throw',
  'assert',
  'schema',
  'register',
]);

export function namesOrderedWork(list: readonly string[]): boolean {
  return list.some((word) => ORDERED_WORDS.has(word) || ORDERED_WORDS.has(singular(word)));
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Continuations and conversions that a chain ends with (neverthrow's `unwrapOr` too); the work is the call they follow. */
const CONTINUATIONS: ReadonlySet<string> = new Set([
  'then',
  'catch',
  'finally',
  'toPromise',
  'exec',
  'lean',
  'unwrap',
  'unwrapOr',
  'unwrapOrElse',
  'mapErr',
  'orElse',
  'json',
  'text',
  'toArray',
  'toString',
]);
/** Helpers that only catch or time out the promise they are handed (`tryCatch(p)`, neverthrow's `ResultAsync.fromPromise(p, toError)`, await-to-js's `to(p)`): the work is that promise's call. */
const PROMISE_WRAPPERS = /^(?:tryCatch|fromPromise|fromSafePromise|to|settle|safeAwait|pTimeout|withTimeout)$/;
/** Steps of a query builder after the call that names the query (`db.update(users).set(values).where(filter)`, Kysely's `executeTakeFirst`). */
const BUILDER_STEPS: ReadonlySet<string> = new Set([
  'set',
  'values',
  'from',
  'where',
  'returning',
  'orderBy',
  'limit',
  'offset',
  'execute',
  'executeTakeFirst',
  'executeTakeFirstOrThrow',
]);

/**
 * The call that does the work in an awaited expression: `fetch` in `fetch(url).then(...)`,
 * `findOne` in `User.findOne(q).lean().exec()`; undefined when it is no call.
 */
export function workingCall(node: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const handed = current.arguments[0] && unwrapExpression(current.arguments[0]);
    if (handed?.type === AST_NODE_TYPES.CallExpression && PROMISE_WRAPPERS.test(calleeName(current) ?? '')) {
      current = handed;
      continue;
    }
    const callee = unwrapCallee(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !CONTINUATIONS.has(propertyName(callee) ?? '')) return current;
    const receiver = unwrapExpression(callee.object);
    if (receiver.type !== AST_NODE_TYPES.CallExpression) return current;
    current = receiver;
  }
  return current.type === AST_NODE_TYPES.NewExpression ? current : undefined;
}

/** `users.findOne`, `fetchUser`, `new Client`: the working call's last two names, as plain text for messages. */
export function callLabel(node: TSESTree.Node): string | undefined {
  const call = workingCall(node);
  if (!call) return undefined;
  const names = labelNames(builderQueryCallee(unwrapCallee(call.callee)));
  if (names.length === 0) return undefined;
  const label = names.slice(-2).join('.');
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${label}` : label;
}

function labelNames(callee: TSESTree.Node): string[] {
  return calleeChainNames(callee).filter((name) => name !== 'this' && name !== '');
}

/**
 * `db.update` for `db.update(users).set(values).where(filter)`: the steps of a builder after the
 * call that names the query. Only a step called on a call's result is one: `store.doc.set(k, v)` is the work.
 */
function builderQueryCallee(callee: TSESTree.Node): TSESTree.Node {
  let current = callee;
  while (current.type === AST_NODE_TYPES.MemberExpression && BUILDER_STEPS.has(propertyName(current) ?? '')) {
    const receiver = unwrapExpression(current.object);
    if (receiver.type !== AST_NODE_TYPES.CallExpression) break;
    const query = unwrapCallee(receiver.callee);
    if (labelNames(query).length < 2) break;
    current = query;
  }
  return current;
}

/** `TEAM_INTERNAL_GROUPS`, `UTM_PARAMS`: a constant written in the code, by the convention of capitals joined by underscores. */
export const CODE_CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** The whole chain of calls a call starts: `knex('t').where(...).first()` for `knex('t')`, `tx.insert(t).values(row)` for `tx.insert(t)`. */
export function callChainTop(call: TSESTree.Node): TSESTree.Node {
  let top: TSESTree.Node = call;
  for (let next = nextChainCall(top); next; next = nextChainCall(top)) top = next;
  return top;
}

/** The methods called along a chain after a node: `where`, `patch` of `query().where(...).patch(...)`. */
export function stepsAfter(start: TSESTree.Node): string[] {
  const steps: string[] = [];
  for (let next = nextChainCall(start); next; next = nextChainCall(next)) steps.push(propertyName(next.callee as TSESTree.MemberExpression) ?? '');
  return steps;
}

/** The call that goes on with a chain from `node` (`.where(...)` after `knex('t')`), or undefined where the chain ends. */
export function nextChainCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return undefined;
  const call = member.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call : undefined;
}

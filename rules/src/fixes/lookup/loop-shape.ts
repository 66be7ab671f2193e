/** Where a look-up sits in its loop or `Promise.all` callback, and whether the items can be read twice. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../../types';
import { propertyName, resolveVariable } from '../../analysis/resolve';
import { contains, enclosingFunction, isFunction, type Iteration } from '../../analysis/scopes';
import { visitWithinFunction } from '../../analysis/visit';
import { chainRoot, isNameChain, text } from './names';

/** Array-producing initializers: the loop can read the collection twice (once for the keys, once to iterate). */
const ARRAY_METHODS = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'split', 'sort', 'toSorted', 'keys', 'values']);

/** A parameter or variable without a type annotation that is never reassigned (JavaScript, mostly): its items can be copied once. */
function untypedAndUnchanged(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !definition || (definition.type !== 'Parameter' && definition.type !== 'Variable')) return false;
  if ((definition.name as TSESTree.Identifier).typeAnnotation) return false;
  return !variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/** Whether a variable surely holds an array (or another collection that can be iterated twice): typed so, or built so. */
function holdsReiterableCollection(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !definition) return false;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
  const name = definition.name as TSESTree.Identifier;
  const annotation = name.typeAnnotation?.typeAnnotation;
  if (annotation) {
    if (annotation.type === AST_NODE_TYPES.TSArrayType || annotation.type === AST_NODE_TYPES.TSTupleType) return true;
    if (annotation.type === AST_NODE_TYPES.TSTypeOperator && annotation.typeAnnotation?.type === AST_NODE_TYPES.TSArrayType) return true;
    return (
      annotation.type === AST_NODE_TYPES.TSTypeReference &&
      annotation.typeName.type === AST_NODE_TYPES.Identifier &&
      /^(?:Array|ReadonlyArray)$/.test(annotation.typeName.name)
    );
  }
  if (definition.type !== 'Variable') return false;
  let init = (definition.node as TSESTree.VariableDeclarator).init;
  if (!init) return false;
  if (init.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = init.argument;
  if (init.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(init.callee);
  // `await prisma.user.findMany()`, `await repo.find()`, `await Model.findAll()`, `await Model.find()`: arrays of rows.
  return (
    method !== undefined &&
    (ARRAY_METHODS.has(method) ||
      (/^(?:findMany|find|findBy|findAll)$/.test(method) && (definition.node as TSESTree.VariableDeclarator).init!.type === AST_NODE_TYPES.AwaitExpression))
  );
}

/** The expression the query stands for where it sits: the `await` around it, if any. */
export function queryExpression(call: TSESTree.CallExpression): TSESTree.Expression {
  return call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
}

/** The statement that holds `node` directly in a block or the program, where a statement can go before it. */
function statementInList(node: TSESTree.Node): TSESTree.Statement | undefined {
  let current: TSESTree.Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) return current as TSESTree.Statement;
    if (isFunction(parent)) return undefined;
  }
  return undefined;
}

/**
 * Where the query sits and what stands for its row: the `await` around it, or the element of an
 * awaited `Promise.all([...])`; the expression the Map read replaces; the name its row gets.
 */
export interface Site {
  replaced: TSESTree.Expression;
  /** The expression evaluated when the query runs: the await, or the awaited `Promise.all`. */
  runs: TSESTree.Node;
  /** The variable or pattern that holds the row, when the row is stored. */
  holder?: TSESTree.Node;
}

export function siteOf(query: TSESTree.Expression): Site | undefined {
  if (query.type === AST_NODE_TYPES.AwaitExpression) return { replaced: query, runs: query, holder: holderOf(query) };
  const list = query.parent;
  const all = list?.parent;
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return { replaced: query, runs: query, holder: query };
  if (all?.type !== AST_NODE_TYPES.CallExpression || all.arguments[0] !== list) return undefined;
  if (all.callee.type !== AST_NODE_TYPES.MemberExpression || all.callee.object.type !== AST_NODE_TYPES.Identifier || all.callee.object.name !== 'Promise')
    return undefined;
  if (propertyName(all.callee) !== 'all' || all.parent?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  // `const [a, b] = await Promise.all([...])`: the row is the pattern's element at the query's place.
  const outer = all.parent.parent;
  const index = list.elements.indexOf(query);
  const holder =
    outer?.type === AST_NODE_TYPES.VariableDeclarator && outer.id.type === AST_NODE_TYPES.ArrayPattern
      ? (outer.id.elements[index] ?? undefined)
      : outer?.type === AST_NODE_TYPES.ExpressionStatement
        ? undefined
        : all.parent;
  return { replaced: query, runs: all.parent, holder: holder ?? undefined };
}

/** The variable or pattern a query's row is stored in, or the query itself when it goes elsewhere. */
function holderOf(query: TSESTree.Expression): TSESTree.Node {
  // `const author = book.author ? await Author.findById(book.author) : null`: the row is still the variable's.
  let value: TSESTree.Node = query;
  while (
    (value.parent?.type === AST_NODE_TYPES.ConditionalExpression && value.parent.test !== value) ||
    (value.parent?.type === AST_NODE_TYPES.LogicalExpression && value.parent.right === value)
  )
    value = value.parent;
  const parent = value.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value ? parent.id : value;
}

/**
 * The loop's shape when the fix can keep what it returns: `for (const item of items)`, `for (let
 * i = 0; i < items.length; i++)` or `Promise.all(items.map((item) => ...))`, over items the loop
 * leaves alone, in an async function where a statement can go before it. `items` is a name
 * chain, or any other expression the fix first keeps in a constant.
 */
export interface Shape {
  items: TSESTree.Expression;
  /** The item's parameter as the key's mapper writes it, and the node of the loop that binds it. */
  param: string;
  binding?: TSESTree.Node;
  /** For an index loop: the counter, and `items[i]` reads the item. */
  counter?: string;
  anchor: TSESTree.Statement;
  scope: TSESTree.Node;
  loop: TSESTree.Node;
  /** The items are an array the fix can read twice; else it copies them once. */
  proven: boolean;
  /** The items are computed: the fix keeps them in a constant before the loop, and the loop reads that. */
  hoisted: boolean;
}

export function loopShape(context: RuleContext, iteration: Iteration, site: Site): Shape | undefined {
  let shape: Omit<Shape, 'proven' | 'hoisted'> | undefined;
  if (iteration.kind === 'loop') {
    const loop = iteration.loop;
    const anchor = loop.parent?.type === AST_NODE_TYPES.BlockStatement || loop.parent?.type === AST_NODE_TYPES.Program ? loop : undefined;
    if (!anchor || site.runs.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
    if (loop.type === AST_NODE_TYPES.ForOfStatement) {
      if (loop.await || loop.left.type !== AST_NODE_TYPES.VariableDeclaration || loop.left.declarations.length !== 1) return undefined;
      const binding = loop.left.declarations[0]!.id;
      shape = { items: loop.right, param: text(context, binding), binding, anchor, scope: loop.body, loop };
    } else if (loop.type === AST_NODE_TYPES.ForStatement) {
      const counted = countedItems(context, loop);
      if (!counted) return undefined;
      shape = { items: counted.items, param: parameterName(context, loop, counted.items), counter: counted.counter, anchor, scope: loop.body, loop };
    } else {
      return undefined;
    }
  } else {
    const { call, callback } = iteration;
    const promiseAll = call.parent;
    const isPromiseAll =
      promiseAll?.type === AST_NODE_TYPES.CallExpression &&
      promiseAll.arguments[0] === call &&
      promiseAll.callee.type === AST_NODE_TYPES.MemberExpression &&
      promiseAll.callee.object.type === AST_NODE_TYPES.Identifier &&
      promiseAll.callee.object.name === 'Promise' &&
      propertyName(promiseAll.callee) === 'all';
    if (!isPromiseAll || call.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(call.callee) !== 'map' || call.callee.optional) return undefined;
    if (callback.params.length < 1 || callback.params.length > 2 || callback.params.some((param) => param.type === AST_NODE_TYPES.RestElement))
      return undefined;
    // The callback's promise settles with the row either way; an unawaited query must be what the callback returns.
    if (site.runs.type !== AST_NODE_TYPES.AwaitExpression && callback.body !== site.replaced) return undefined;
    const anchor = statementInList(promiseAll);
    if (!anchor) return undefined;
    shape = { items: call.callee.object, param: text(context, callback.params[0]!), binding: callback.params[0], anchor, scope: callback.body, loop: callback };
    // A computed collection moves before the statement: nothing in the statement may run before it.
    if (!isNameChain(shape.items) && !startsStatement(anchor, promiseAll)) return undefined;
  }
  if (!enclosingFunction(shape.anchor)?.async) return undefined;
  const items = shape.items;
  if (!isNameChain(items)) {
    // A for-of over a computed iterable reads it once: kept in a constant, spread as the loop iterated it.
    if (contains(shape.scope, items)) return undefined;
    return { ...shape, proven: iteration.kind === 'callback' || makesArray(context, items), hoisted: true };
  }
  const root = chainRoot(items);
  if (root.type === AST_NODE_TYPES.Identifier) {
    const collection = resolveVariable(context, root);
    const itemsText = text(context, items);
    // In an index loop the body reads its item as `items[i]`, and only so.
    const readsItem = (identifier: TSESTree.Node): boolean => {
      let chain = identifier;
      while (chain.parent?.type === AST_NODE_TYPES.MemberExpression && chain.parent.object === chain && text(context, chain) !== itemsText)
        chain = chain.parent;
      const member = chain.parent;
      return (
        !!shape!.counter &&
        text(context, chain) === itemsText &&
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === chain &&
        member.computed &&
        member.property.type === AST_NODE_TYPES.Identifier &&
        member.property.name === shape!.counter &&
        !changes(member, false)
      );
    };
    if (!collection || collection.references.some((reference) => contains(shape!.scope, reference.identifier) && !readsItem(reference.identifier)))
      return undefined;
    if (collection.references.some((reference) => reference.isWrite() && !reference.init && contains(shape!.loop, reference.identifier))) return undefined;
  } else if (writesThis(shape.scope)) {
    return undefined;
  }
  // `items.map(...)` is an array's; a loop's items are one when declared so, or copied once when nothing says what they are.
  const proven = iteration.kind !== 'loop' || (items.type === AST_NODE_TYPES.Identifier && holdsReiterableCollection(context, items));
  if (!proven && items.type === AST_NODE_TYPES.Identifier && !untypedAndUnchanged(context, items) && !shape.counter) return undefined;
  return { ...shape, proven, hoisted: false };
}

/** A name for the item of an index loop that the loop does not use (`users` → `user`), so the key's mapper can take it as its parameter. */
function parameterName(context: RuleContext, loop: TSESTree.ForStatement, items: TSESTree.Node): string {
  // `const order = orders[i];` opening the body names the item already.
  const first = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body[0] : undefined;
  const declarator = first?.type === AST_NODE_TYPES.VariableDeclaration && first.declarations.length === 1 ? first.declarations[0]! : undefined;
  let init = declarator?.init;
  if (init?.type === AST_NODE_TYPES.TSNonNullExpression) init = init.expression;
  if (
    declarator?.id.type === AST_NODE_TYPES.Identifier &&
    init?.type === AST_NODE_TYPES.MemberExpression &&
    init.computed &&
    text(context, init.object) === text(context, items) &&
    init.property.type === AST_NODE_TYPES.Identifier &&
    loop.init?.type === AST_NODE_TYPES.VariableDeclaration &&
    loop.init.declarations[0]?.id.type === AST_NODE_TYPES.Identifier &&
    init.property.name === loop.init.declarations[0].id.name
  )
    return declarator.id.name;
  const words = new Set(text(context, loop).match(/[A-Za-z_$][\w$]*/g) ?? []);
  const stem = items.type === AST_NODE_TYPES.Identifier ? items.name : items.type === AST_NODE_TYPES.MemberExpression ? (propertyName(items) ?? '') : '';
  const singular = stem.replace(/([^s])s$/, '$1');
  const base = singular && singular !== stem ? singular : 'item';
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? base : `${base}${suffix}`;
    if (!words.has(candidate)) return candidate;
  }
}

/** `xs.filter(...)`, `Object.values(x)`, `Array.from(x)`: a new array, which the fix can keep as it is. */
function makesArray(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(node.callee) ?? '';
  const object = node.callee.object;
  if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'Object' || object.name === 'Array'))
    return /^(?:keys|values|entries|from|of)$/.test(method) && !resolveVariable(context, object)?.defs.length;
  return /^(?:map|filter|slice|concat|flat|flatMap|toSorted)$/.test(method);
}

/** Whether the statement evaluates `node` before anything else (`const x = await Promise.all(...)`, `return Promise.all(...)`). */
function startsStatement(statement: TSESTree.Statement, node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (current.parent && current !== statement) {
    const parent: TSESTree.Node = current.parent;
    const first =
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.ReturnStatement ||
      parent.type === AST_NODE_TYPES.ExpressionStatement ||
      (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) ||
      (parent.type === AST_NODE_TYPES.VariableDeclaration && parent.declarations.length === 1) ||
      (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && parent.left.type === AST_NODE_TYPES.Identifier);
    if (!first) return false;
    current = parent;
  }
  return current === statement;
}

/** Whether code assigns to a property of `this`, which the loop's items may be read from. */
function writesThis(node: TSESTree.Node): boolean {
  let found = false;
  visitWithinFunction(node, (child) => {
    if (child.type === AST_NODE_TYPES.AssignmentExpression && chainRoot(child.left).type === AST_NODE_TYPES.ThisExpression) found = true;
  });
  return found;
}

/** `for (let i = 0; i < items.length; i++)` over a name chain, with the counter changed only by the loop. */
function countedItems(context: RuleContext, loop: TSESTree.ForStatement): { items: TSESTree.Expression; counter: string } | undefined {
  const { init, test, update } = loop;
  if (init?.type !== AST_NODE_TYPES.VariableDeclaration || init.kind !== 'let' || init.declarations.length !== 1) return undefined;
  const declarator = init.declarations[0]!;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init?.type !== AST_NODE_TYPES.Literal || declarator.init.value !== 0) return undefined;
  const counter = declarator.id.name;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression || test.operator !== '<' || test.left.type !== AST_NODE_TYPES.Identifier || test.left.name !== counter)
    return undefined;
  if (test.right.type !== AST_NODE_TYPES.MemberExpression || test.right.computed || propertyName(test.right) !== 'length' || !isNameChain(test.right.object))
    return undefined;
  const increments =
    (update?.type === AST_NODE_TYPES.UpdateExpression &&
      update.operator === '++' &&
      update.argument.type === AST_NODE_TYPES.Identifier &&
      update.argument.name === counter) ||
    (update?.type === AST_NODE_TYPES.AssignmentExpression &&
      update.operator === '+=' &&
      update.left.type === AST_NODE_TYPES.Identifier &&
      update.left.name === counter &&
      update.right.type === AST_NODE_TYPES.Literal &&
      update.right.value === 1);
  if (!increments) return undefined;
  const variable = context.scopeManager.getDeclaredVariables(declarator)[0];
  if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init && !contains(update!, reference.identifier)))
    return undefined;
  return { items: test.right.object, counter };
}

/** Methods that change the array, Set or Map they are called on. */
const CHANGING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'add', 'set', 'delete', 'clear', 'sort', 'reverse', 'fill', 'copyWithin']);

/** Whether a use of a name assigns it, or changes what it holds: a property assigned or deleted, `push`, `add`, `set`. */
export function changes(identifier: TSESTree.Node, written: boolean): boolean {
  if (written) return true;
  let node = identifier;
  while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) {
    const member = node.parent;
    const use = member.parent;
    if (use?.type === AST_NODE_TYPES.CallExpression && use.callee === member) return CHANGING_METHODS.has(propertyName(member) ?? '');
    if ((use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === member) || use?.type === AST_NODE_TYPES.UpdateExpression) return true;
    if (use?.type === AST_NODE_TYPES.UnaryExpression && use.operator === 'delete') return true;
    node = member;
  }
  return false;
}

import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { factoryMethod, localFunction, propertyName, resolveVariable, unwrapExpression } from '../analysis/resolve';
import { contains, type LoopStatement } from '../analysis/scopes';
import { memberMutation } from '../analysis/loop-facts';
import { visitAll, visitWithinFunction } from '../analysis/visit';

/**
 * Why started together the calls of a loop would see other state than one after another:
 * - `shared-object`: every call receives one object (`order`) that the loop body or the called
 *   function changes, directly or through the items it holds (`line.addAdjustment(…)` for a
 *   line of `order.lines`), so each call reads what the earlier iterations did to it;
 * - `bound-writer`: the called function is bound to one object by the call that made it
 *   (`const { mutateAsync: removeItem } = useRemoveItem(orderChangeId)`) and writes, so the
 *   calls change that one object, each after the other had finished;
 * - `captured-output`: the called function of the file, or one every call is handed
 *   (`getLabel(mapping, loadSurvey)`), fills an object or string of the function around it
 *   (`output.documents[doc.id] = …` in a tree walk that calls itself per child, a memo of loaded
 *   surveys), so started together the calls would fill it in another order, or load twice.
 */
export type SharedStateReason = 'shared-object' | 'bound-writer' | 'captured-output';

/** Methods that change the object they are called on (`items.push`, `line.addAdjustment`, `order.setTotal`), by the names codebases give them. */
const CHANGING_METHOD =
  /^(?:push|unshift|shift|pop|splice|set|add|delete|remove|clear|sort|reverse|fill|append|insert|assign|merge|update|increment|decrement|apply|mark|reset|attach|detach|enqueue|dequeue)(?:[A-Z_$\d]|$)/;

/** Functions whose result is a plain module function, not one bound to an object of the program. */
const MODULE_LOADERS = new Set(['require', 'promisify']);

/** The object a node changes: `order` for `order.total = 1`, `items` for `items.push(x)`; undefined when it changes none. */
function changedObject(node: TSESTree.Node): TSESTree.Node | undefined {
  const mutation = memberMutation(node);
  if (mutation) return mutation.target;
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete' && node.argument.type === AST_NODE_TYPES.MemberExpression
    ? node.argument.object
    : undefined;
}

/** A setter's name: `setChannel`, `setLocale`; a method that changes what its object holds. */
const SETTER = /^set[A-Z]/;

/** The object a setter call changes: `ctx` for `ctx.setChannel(channel)`, a context handed to every call and read by each. */
function setOnObject(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && SETTER.test(propertyName(callee) ?? '') ? callee.object : undefined;
}

/** The object a method call changes by the name of the method (`line.addAdjustment(a)`), which on a service (`deps.deleteResults(ids)`) it need not. */
function changedByMethodName(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && CHANGING_METHOD.test(propertyName(callee) ?? '') ? callee.object : undefined;
}

/** The values a call is given: its arguments, and the property values of object literals among them (`{ line, order }`). */
function passedValues(call: TSESTree.CallExpression): TSESTree.Node[] {
  return call.arguments.flatMap((argument): TSESTree.Node[] =>
    argument.type === AST_NODE_TYPES.ObjectExpression
      ? argument.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? [property.value] : []))
      : [argument],
  );
}

/** Where a value lives: its root (a variable, `this`, or an undeclared name) and the property names down to it. */
interface Path {
  root: Variable | string;
  names: string[];
}

/** `order.lines` → order + [lines]; `order.lines[i].total` → order + [lines] (a computed part ends the names); undefined for anything but names. */
function pathOf(context: RuleContext, node: TSESTree.Node): Path | undefined {
  const names: string[] = [];
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.computed) names.length = 0;
    else names.unshift(propertyName(current) ?? '');
    current = unwrapExpression(current.object);
  }
  if (current.type === AST_NODE_TYPES.ThisExpression) return { root: 'this', names };
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { root: resolveVariable(context, current) ?? `global:${current.name}`, names };
}

/** Whether one path lies within the other: a change below `order` is a change of what `order` holds, and of `order.lines`. */
function overlaps(a: Path, b: Path): boolean {
  if (a.root !== b.root) return false;
  const length = Math.min(a.names.length, b.names.length);
  return a.names.slice(0, length).every((name, index) => name === b.names[index]);
}

/** Whether a root is a variable declared in the loop (its binding, or the body's own): a new value each iteration. */
function declaredInLoop(loop: LoopStatement, root: Variable | string): boolean {
  return typeof root !== 'string' && root.identifiers.some((identifier) => contains(loop, identifier));
}

/** The function's parameter variable at a position, when it is a plain name (`line`, `line: OrderLine`, `line = x`). */
function parameterAt(context: RuleContext, fn: NonNullable<ReturnType<typeof localFunction>>, position: number): Variable | undefined {
  const param = fn.params[position];
  const name = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param?.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  return name?.type === AST_NODE_TYPES.Identifier ? context.scopeManager.getDeclaredVariables(fn).find((variable) => variable.name === name.name) : undefined;
}

/** The variable a function destructures a property of its options parameter as (`providers` of `({ connection, providers }: Options)`). */
function destructuredParameter(
  context: RuleContext,
  fn: NonNullable<ReturnType<typeof localFunction>>,
  position: number,
  property: TSESTree.Property,
): Variable | undefined {
  const param = fn.params[position];
  const pattern = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const key = keyOf(property);
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern || key === undefined) return undefined;
  const target = pattern.properties.find((entry): entry is TSESTree.Property => entry.type === AST_NODE_TYPES.Property && keyOf(entry) === key);
  const name = target && (target.value.type === AST_NODE_TYPES.AssignmentPattern ? target.value.left : target.value);
  return name?.type === AST_NODE_TYPES.Identifier ? context.scopeManager.getDeclaredVariables(fn).find((variable) => variable.name === name.name) : undefined;
}

/** A property's name as written (`providers`, `'providers'`); undefined for a computed one. */
function keyOf(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/** Whether code changes the object a variable holds, or one reached from it (`order.lines[0].total = 1`). */
function changesVariable(context: RuleContext, scope: TSESTree.Node, variable: Variable): boolean {
  let found = false;
  visitWithinFunction(scope, (node) => {
    const target = !found ? (changedObject(node) ?? setOnObject(node)) : undefined;
    if (target && pathOf(context, target)?.root === variable) found = true;
  });
  return found;
}

/** How many calls deep a parameter is followed into the functions of the file it is handed on to. */
const MAX_HANDOFF_DEPTH = 6;

/**
 * Whether a function changes what a parameter holds, itself or in a function of the file it hands the parameter on to:
 * `sanitizeField(value, budget)` → `replaceLarge(value, budget)` → `store(value, budget)`, which counts in `budget`.
 */
function changesParameter(context: RuleContext, fn: NonNullable<ReturnType<typeof localFunction>>, parameter: Variable): boolean {
  // Each loop of a file that hands the same parameter on asks again: the answer is the parameter's.
  const answers = context.shared.memo('changesParameter', () => new Map<Variable, boolean>());
  let changes = answers.get(parameter);
  if (changes === undefined) {
    changes = changesParameterWithin(context, fn, parameter, 0, new Set());
    answers.set(parameter, changes);
  }
  return changes;
}

function changesParameterWithin(
  context: RuleContext,
  fn: NonNullable<ReturnType<typeof localFunction>>,
  parameter: Variable,
  depth: number,
  seen: Set<Variable>,
): boolean {
  if (seen.has(parameter) || !fn.body) return false;
  seen.add(parameter);
  if (changesVariable(context, fn.body, parameter)) return true;
  if (depth >= MAX_HANDOFF_DEPTH) return false;
  let found = false;
  // Calls in the callbacks it makes count too (`withLimit(() => store(value, budget))`): it runs them.
  visitAll(fn.body, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression) return;
    const entries = [...node.arguments.entries()].filter(([, argument]) => pathOf(context, argument)?.root === parameter);
    const callee = entries.length > 0 ? localFunction(context, node.callee) : undefined;
    if (!callee?.body) return;
    found = entries.some(([position]) => {
      const next = parameterAt(context, callee, position);
      return next !== undefined && changesParameterWithin(context, callee, next, depth + 1, seen);
    });
  });
  return found;
}

/** A function value that a call made for one object it was given (`const { mutateAsync: remove } = useRemove(id)`, `const send = makeSender(order)`). */
function boundByCall(context: RuleContext, callee: TSESTree.Node): boolean {
  const inner = unwrapExpression(callee);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, inner)?.defs[0];
  if (definition?.type !== 'Variable') return false;
  const init = (definition.node as TSESTree.VariableDeclarator).init;
  const made = init && unwrapExpression(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init);
  if (made?.type !== AST_NODE_TYPES.CallExpression) return false;
  const maker = unwrapExpression(made.callee);
  if (maker.type === AST_NODE_TYPES.Identifier && MODULE_LOADERS.has(maker.name)) return false;
  // The object it is bound to is passed to the maker (`useRemoveItem(claim.id, order.id)`); settings alone (`proxyActivities({ … })`)
  // and an imported key (`container.resolve(Keys.QUERY)`) bind to none.
  return made.arguments.some((argument) => {
    const root = pathOf(context, argument)?.root;
    return typeof root === 'string' ? root === 'this' : root !== undefined && root.defs[0]?.type !== 'ImportBinding';
  });
}

/** Whether a variable is a local of a function other than `fn`, around it: one run's output, not a module's cache. */
function capturedLocal(fn: TSESTree.Node, variable: Variable | string | undefined): boolean {
  if (variable === undefined || typeof variable === 'string') return false;
  const kind = variable.scope.variableScope.type;
  return kind !== 'module' && kind !== 'global' && variable.identifiers.every((identifier) => !contains(fn, identifier));
}

/** Whether a function changes a local of a function around it: `output.documents[id] = …`, `content = content.replace(…)`. */
function fillsCapturedOutput(context: RuleContext, fn: NonNullable<ReturnType<typeof localFunction>>): boolean {
  let found = false;
  visitWithinFunction(fn.body!, (node) => {
    if (found) return;
    const target = changedObject(node);
    const assigned = node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier ? node.left : undefined;
    found = capturedLocal(fn, target ? pathOf(context, target)?.root : assigned && resolveVariable(context, assigned));
  });
  return found;
}

/**
 * Why the awaited calls of a loop must not start together, or undefined. `isItem` tells the
 * loop's own item variables; `items` is what the loop iterates; `writes` whether a call writes.
 */
export function sharedStateReason(
  context: RuleContext,
  loop: LoopStatement,
  calls: readonly TSESTree.CallExpression[],
  isItem: (variable: Variable) => boolean,
  items: TSESTree.Node,
  writes: (call: TSESTree.CallExpression) => boolean,
): SharedStateReason | undefined {
  if (calls.some((call) => writes(call) && boundByCall(context, call.callee))) return 'bound-writer';
  // The object the items belong to (`order.lines`): a change to an item is a change to it.
  const container = pathOf(context, items);
  for (const call of calls) {
    const called = localFunction(context, call.callee);
    const handed = call.arguments.map((argument) => argument.type === AST_NODE_TYPES.Identifier && localFunction(context, argument));
    if ([called, ...handed].some((fn) => fn && fn.body && fillsCapturedOutput(context, fn))) return 'captured-output';
    const shared = passedValues(call).flatMap((value) => {
      const path = pathOf(context, value);
      return path && !declaredInLoop(loop, path.root) ? [path] : [];
    });
    if (shared.length === 0) continue;
    const holdsItems = container !== undefined && shared.some((path) => overlaps(path, container));
    // An item of the shared object, changed by a method whose name says so (`line.addAdjustment(…)`).
    const isHeldItem = (path: Path | undefined): boolean => holdsItems && path !== undefined && typeof path.root !== 'string' && isItem(path.root);
    const touchesShared = (path: Path | undefined): boolean => path !== undefined && (shared.some((passed) => overlaps(passed, path)) || isHeldItem(path));
    let changed = false;
    visitWithinFunction(loop.body, (node) => {
      if (changed || contains(call, node)) return;
      const target = changedObject(node) ?? setOnObject(node);
      const named = changedByMethodName(node);
      if ((target && touchesShared(pathOf(context, target))) || (named && isHeldItem(pathOf(context, named)))) changed = true;
    });
    if (changed) return 'shared-object';
    // A method of the object a module factory returns (`self.updateCrops(req, id, seen)`) is followed as one of the file for what it is handed.
    const receiver = called ?? factoryMethod(context, call.callee);
    if (!receiver?.body) continue;
    for (const [position, argument] of call.arguments.entries()) {
      // `getProvider({ connection, providers })`: each property handed in an options object, to the name the function destructures it as.
      const handedOn =
        argument.type === AST_NODE_TYPES.ObjectExpression
          ? argument.properties.flatMap((property) =>
              property.type === AST_NODE_TYPES.Property && touchesShared(pathOf(context, property.value))
                ? [destructuredParameter(context, receiver, position, property)]
                : [],
            )
          : touchesShared(pathOf(context, argument))
            ? [parameterAt(context, receiver, position)]
            : [];
      if (handedOn.some((parameter) => parameter !== undefined && changesParameter(context, receiver, parameter))) return 'shared-object';
    }
  }
  return undefined;
}

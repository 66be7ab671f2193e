/** Loops whose iterations hang together through what they share: a value each one builds on, one open session, a check of shared state. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { localFunction, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { contains, enclosingLoop, type LoopStatement } from './scopes';
import { calleeName, lastName, words } from './names';
import { addsToSharedDocument, isPacingCall, startsWork } from './await-patterns';
import { readsAny, referencesWithin, slotsRead, writesOf, type LoopFacts, type Slot, type SlotWrite } from './loop-facts';
import { visitAll, visitWithinFunction } from './visit';

/**
 * `builtPath += \`/${folder}\``, `prefix = path.join(prefix, segment)`: a variable of the function that each iteration
 * rewrites from its previous value and the iteration's item, read by the awaited call. The call for `a/b` needs the
 * one for `a` done: each iteration builds on the last.
 */
export function readsAccumulatedValue(context: RuleContext, facts: LoopFacts, operand: TSESTree.Node): boolean {
  return slotsRead(context, operand).some(
    (slot) => typeof slot !== 'string' && !facts.declared.has(slot) && writesOf(facts, slot).some((write) => buildsOnPrevious(context, facts, slot, write)),
  );
}

/**
 * `let firstLocale = true; for (…) { const operation = firstLocale ? 'create' : 'update'; firstLocale = false; await sync(doc, operation); }`:
 * a flag of the function that the loop sets to a fixed value and its awaited calls read, directly or through the iteration's
 * own variables. The first call makes what the later ones change, so it must be done before they start.
 */
export function readsFlagTheLoopSets(context: RuleContext, facts: LoopFacts): boolean {
  const read = new Set<Slot>();
  for (const [slot, list] of facts.writes) {
    // `let colour = 'teal'` in a callback of the body (`options.map(…)`) starts over on each call: no flag the iterations share.
    if (typeof slot !== 'string' && !facts.declared.has(slot) && !declaredIn(facts.loop, slot) && list.some(setsFixedValue)) read.add(slot);
  }
  if (read.size === 0) return false;
  addIterationVariables(facts, read, (value) => readsAny(context, value, read));
  let found = false;
  visitWithinFunction(facts.loop.body, (node) => {
    if (!found && node.type === AST_NODE_TYPES.AwaitExpression && startsWork(unwrapExpression(node.argument)) && readsAny(context, node.argument, read))
      found = true;
  });
  return found;
}

/** Adds to `read` the iteration's own variables computed from what it holds (`const clash = created.some(…)` of `created`). */
function addIterationVariables(facts: LoopFacts, read: Set<Slot>, reads: (value: TSESTree.Node) => boolean): void {
  for (let grew = true; grew;) {
    grew = false;
    for (const [slot, list] of facts.writes) {
      if (typeof slot === 'string' || read.has(slot) || !facts.declared.has(slot)) continue;
      if (list.some((write) => write.value !== undefined && reads(write.value))) {
        read.add(slot);
        grew = true;
      }
    }
  }
}

/**
 * `if (covers.length < 5 && (await exists(path))) covers.push(id)`, or `const clash = created.some(…); if (clash) continue;
 * await createRecord(record); created.push(record);`: a list of the function that the loop adds to after the await, read by
 * a condition that decides whether a later iteration's await runs (around it, or an exit ahead of it), directly or through
 * the iteration's own variables. Each iteration's work depends on what the earlier ones collected. A look-up of the item's
 * own key (`if (notified.includes(id)) continue;`) only skips a repeated item, which a concurrent loop can skip up front.
 */
export function gatedByCollectedList(context: RuleContext, facts: LoopFacts, node: TSESTree.AwaitExpression): boolean {
  const collected = new Set<Slot>();
  for (const [slot, list] of facts.writes) {
    if (typeof slot !== 'string' && !facts.declared.has(slot) && list.some((write) => addsEntry(write) && write.node.range[0] > node.range[0]))
      collected.add(slot);
  }
  if (collected.size === 0) return false;
  const decides = (test: TSESTree.Node): boolean =>
    referencesWithin(context, test).some((reference) => !!reference.resolved && collected.has(reference.resolved) && !looksUpKey(reference.identifier));
  addIterationVariables(facts, collected, decides);
  for (let child: TSESTree.Node = node; child !== facts.loop.body && child.parent; child = child.parent) {
    const parent: TSESTree.Node = child.parent;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== child && decides(parent.test))
      return true;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child && decides(parent.left)) return true;
    if (parent.type !== AST_NODE_TYPES.BlockStatement) continue;
    const ahead = parent.body.slice(0, parent.body.indexOf(child as TSESTree.Statement));
    if (ahead.some((statement) => statement.type === AST_NODE_TYPES.IfStatement && decides(statement.test) && leavesIteration(statement))) return true;
  }
  return false;
}

/** `found.push(x)`, `seen.add(id)`, `byName.set(name, id)`, `done[key] = true`: an entry added to a list, set, map or record. */
function addsEntry(write: SlotWrite): boolean {
  const node = write.node;
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return node.left.type === AST_NODE_TYPES.MemberExpression && node.left.computed;
  return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && ADDS.has(propertyName(node.callee) ?? '');
}

const ADDS: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'set']);

/** `seen.includes(id)`, `byName.get(name)`, `done[key]`: a look-up of one key in what the loop collected. */
function looksUpKey(name: TSESTree.Node): boolean {
  const use = name.parent;
  if (use?.type !== AST_NODE_TYPES.MemberExpression || use.object !== name) return false;
  if (use.computed) return true;
  return use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use && KEY_LOOKUPS.has(propertyName(use) ?? '');
}

const KEY_LOOKUPS: ReadonlySet<string> = new Set(['includes', 'has', 'get', 'indexOf']);

/** Whether a statement holds a `continue`, `break`, `throw` or `return`, outside the functions it creates. */
function leavesIteration(statement: TSESTree.Statement): boolean {
  let found = false;
  visitWithinFunction(statement, (node) => {
    if (EXITS.has(node.type)) found = true;
  });
  return found;
}

const EXITS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ContinueStatement,
  AST_NODE_TYPES.BreakStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.ReturnStatement,
]);

function declaredIn(loop: LoopStatement, variable: Variable): boolean {
  return variable.defs.some((definition) => contains(loop, definition.node));
}

/** `first = false`, `mode = 'update'`: a plain assignment of a literal, not a counter's step. */
function setsFixedValue(write: SlotWrite): boolean {
  const assignment = write.node.parent;
  return (
    !write.member &&
    write.value?.type === AST_NODE_TYPES.Literal &&
    assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
    assignment.operator === '=' &&
    assignment.left === write.node
  );
}

/**
 * A write that makes the slot's new value of its old one and of something the iteration changes (`path += segment`);
 * a step by what every iteration shares (`i = i + 1`, `offset += pageSize`) does not.
 */
function buildsOnPrevious(context: RuleContext, facts: LoopFacts, slot: Variable, write: SlotWrite): boolean {
  if (write.member || !write.value) return false;
  const compound = write.node.type === AST_NODE_TYPES.AssignmentExpression && write.node.operator !== '=';
  if (!compound && !referencesWithin(context, write.value).some((reference) => reference.resolved === slot)) return false;
  return referencesWithin(context, write.value).some((reference) => {
    const variable = reference.resolved;
    return !!variable && variable !== slot && (facts.declared.has(variable) || facts.writes.has(variable));
  });
}

/**
 * Words of a call whose value is one connection the caller then works over: an SSH or SFTP session, a database
 * connection (`pool.getConnection()`, `client.connect()`), a socket, a transaction. A pool or an HTTP client is no such word.
 */
const OPENS_ONE_CONNECTION: ReadonlySet<string> = new Set(['connect', 'connection', 'sftp', 'ssh', 'socket', 'transaction']);

/**
 * `sftp = await getSftpConnection(server)` before the loop, then `await upload(sftp, entry)` or `await conn.query(...)` in it:
 * every iteration works over the one connection the function opened, whose commands run one after another anyway.
 */
export function worksOverOpenedConnection(context: RuleContext, loop: LoopStatement, facts: LoopFacts): boolean {
  let found = false;
  visitWithinFunction(loop.body, (node) => {
    if (found || node.type !== AST_NODE_TYPES.AwaitExpression) return;
    const operand = unwrapExpression(node.argument);
    if (operand.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrapExpression(operand.callee);
    let receiver: TSESTree.Node | undefined = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
    while (receiver?.type === AST_NODE_TYPES.MemberExpression) receiver = unwrapExpression(receiver.object);
    const handles = [receiver, ...operand.arguments.map((argument) => unwrapExpression(argument))];
    if (handles.some((handle) => handle?.type === AST_NODE_TYPES.Identifier && isOpenedConnection(context, facts, handle))) found = true;
  });
  return found;
}

/** `getSFTPConnection` as `get`, `sftp`, `connection`: the words of a name whose acronyms are written in capitals. */
function nameWords(name: string): string[] {
  return words(name.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'));
}

/**
 * A variable of the function, set outside the loop to what it awaited of a call that opens one connection,
 * or to a client of one git repository (`const git = simpleGit(dir)`).
 */
function isOpenedConnection(context: RuleContext, facts: LoopFacts, handle: TSESTree.Identifier): boolean {
  const variable = resolveVariable(context, handle);
  if (!variable || facts.declared.has(variable) || facts.writes.has(variable) || variable.defs[0]?.type === 'Parameter') return false;
  return variable.references.some((reference) => {
    const written = reference.writeExpr && unwrapExpression(reference.writeExpr);
    if (!written || contains(facts.loop, written)) return false;
    if (written.type === AST_NODE_TYPES.CallExpression) return makesRepositoryClient(context, written);
    if (written.type !== AST_NODE_TYPES.AwaitExpression) return false;
    const opened = unwrapExpression(written.argument);
    return startsWork(opened) && nameWords(calleeName(opened) ?? '').some((word) => OPENS_ONE_CONNECTION.has(word));
  });
}

/** The git client package whose instance runs git commands in one working copy. */
const GIT_CLIENT_MODULE = 'simple-git';

/**
 * `simpleGit(dir)`, or a function of the file that makes one (`createGitClient(path)`): a client of one repository, whose
 * commands take its locks (`.git/index.lock`, `.git/config.lock`), so started together they fail rather than overlap.
 */
function makesRepositoryClient(context: RuleContext, call: TSESTree.CallExpression): boolean {
  if (resolveModuleMember(context, call.callee)?.module === GIT_CLIENT_MODULE) return true;
  const maker = localFunction(context, call.callee);
  let makes = false;
  if (maker?.body)
    visitWithinFunction(maker.body, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression && resolveModuleMember(context, node.callee)?.module === GIT_CLIENT_MODULE) makes = true;
    });
  return makes;
}

/**
 * `await checkQuota(orgId)` at the top of each iteration, then `await store(file)`, `await addUsage(orgId, size)`: the same
 * call, with nothing of the iteration, whose value is dropped, ahead of the iteration's own work. Asked again each time, it
 * can only be checking state the earlier iterations changed (a quota, a limit), so they have to be done first.
 */
export function rechecksSharedState(context: RuleContext, facts: LoopFacts): boolean {
  const checks: TSESTree.AwaitExpression[] = [];
  const work: TSESTree.AwaitExpression[] = [];
  visitWithinFunction(facts.loop.body, (node) => {
    if (node.type !== AST_NODE_TYPES.AwaitExpression || enclosingLoop(node) !== facts.loop) return;
    const operand = unwrapExpression(node.argument);
    if (!startsWork(operand) || isPacingCall(context, operand)) return;
    const varies = referencesWithin(context, operand).some(
      (reference) => !!reference.resolved && (facts.declared.has(reference.resolved) || facts.writes.has(reference.resolved)),
    );
    if (!varies && node.parent?.type === AST_NODE_TYPES.ExpressionStatement && handsOnlyKeys(operand)) checks.push(node);
    else if (varies) work.push(node);
  });
  return checks.some((check) => work.some((later) => later.range[0] > check.range[1]));
}

/** `checkQuota(orgId, options.planId)`: a call handed only names of what it checks, not a message or a value it writes (a log line). */
function handsOnlyKeys(operand: TSESTree.Node): boolean {
  return (
    operand.type === AST_NODE_TYPES.CallExpression &&
    operand.arguments.length > 0 &&
    operand.arguments.every((argument) => argument.type === AST_NODE_TYPES.Identifier || argument.type === AST_NODE_TYPES.MemberExpression)
  );
}

/** `stream.on('data', …)`, `stream.pipe(entry)`: the awaited value is a stream read as it flows. */
const STREAM_READS = /^(?:on|once|pipe)$/;

/**
 * `const stream = await storage.get(name); zip.add(entry); stream.on('data', (chunk) => entry.push(chunk))`: each iteration opens
 * a stream and streams it into the next entry of one archive the loop fills, which takes its entries one after another.
 * Opened together, the streams would only wait, held open, for their turn.
 */
export function streamsIntoSharedArchive(context: RuleContext, facts: LoopFacts, node: TSESTree.AwaitExpression): boolean {
  const holder = node.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== node || holder.id.type !== AST_NODE_TYPES.Identifier) return false;
  const streamed = resolveVariable(context, holder.id)?.references.some((reference) => {
    const member = reference.identifier.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      member.parent.type === AST_NODE_TYPES.CallExpression &&
      STREAM_READS.test(lastName(member) ?? '')
    );
  });
  if (!streamed) return false;
  let adds = false;
  visitAll(facts.loop.body, (child) => {
    if (
      !adds &&
      child.type === AST_NODE_TYPES.CallExpression &&
      child.parent?.type !== AST_NODE_TYPES.AwaitExpression &&
      addsToSharedDocument(context, facts, child)
    )
      adds = true;
  });
  return adds;
}

/**
 * `this.currentLibrary = library; this.items = await this.load(); await this.processItems()`: the loop sets fields of its object
 * that a method it then awaits reads (in this file), or is handed nothing else of the iteration (a method of a base class elsewhere).
 * The iterations share that object: the next one would set the fields under the method still running.
 */
export function awaitsMethodReadingSetFields(context: RuleContext, facts: LoopFacts, awaits: readonly TSESTree.AwaitExpression[]): boolean {
  const fields = new Set<Slot>();
  for (const write of writesOf(facts, 'this')) {
    const target = write.node.type === AST_NODE_TYPES.AssignmentExpression ? unwrapExpression(write.node.left) : undefined;
    const name = target?.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression ? propertyName(target) : undefined;
    if (name) fields.add(`this.${name}`);
  }
  if (fields.size === 0) return false;
  return awaits.some((node) => {
    const call = unwrapExpression(node.argument);
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(callee.object).type !== AST_NODE_TYPES.ThisExpression) return false;
    const method = localFunction(context, callee);
    if (method?.body) return readsAny(context, method.body, fields);
    // Only the object itself may reach it (`this.processItem.bind(this)`): no variable of the iteration.
    return call.arguments.every((argument) =>
      referencesWithin(context, argument).every(
        (reference) => !reference.resolved || (!facts.declared.has(reference.resolved) && !facts.writes.has(reference.resolved)),
      ),
    );
  });
}

/** Why one awaited call in a loop must wait for the previous iteration's: the await-level patterns. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { isGlobalReference, keyName, localFunction, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { contains, isFunction, type FunctionNode, type LoopStatement } from './scopes';
import { calleeChainNames, calleeName, lastName, patternNames, rootCallNames, workingCall } from './names';
import { loopBindingNodes, memberMutation, rootSlot, variesPerIteration, writesOf, type LoopFacts } from './loop-facts';
import { containsAwait, visitAll, visitWithinFunction } from './visit';
import { isLocalModule } from './module-names';
import { callsSettledAsync, callsSettledMethod } from './project-exports';

const PACING_NAME =
  /sleep|delay|wait(?!For(?:Selector|Navigation|LoadState|URL|Response|Request|Function|Event))|pause|snooze|backoff|throttle|ratelimit|cooldown|settimeout/i;

/** `sleep(ms)`, `setTimeout(ms)` from timers/promises, `new Promise((r) => setTimeout(r, ms))`, `limiter.removeTokens(1)`. */
export function isPacingCall(context: RuleContext, node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.NewExpression) {
    if (inner.callee.type !== AST_NODE_TYPES.Identifier || inner.callee.name !== 'Promise') return false;
    let timer = false;
    for (const argument of inner.arguments) {
      visitAll(argument, (child) => {
        if (
          child.type === AST_NODE_TYPES.CallExpression &&
          /^(?:setTimeout|setImmediate|nextTick|requestAnimationFrame|requestIdleCallback)$/.test(calleeName(child) ?? '')
        )
          timer = true;
      });
    }
    return timer;
  }
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const member = resolveModuleMember(context, inner.callee);
  if (member && (member.module === 'timers/promises' || member.module === 'delay' || member.module === 'timers')) return true;
  return calleeChainNames(inner.callee).some((name) => PACING_NAME.test(name) || /limiter|bucket|bottleneck/i.test(name));
}

/** A call, `new`, or tagged template starts work when evaluated; awaiting anything else waits for work already started. */
export function startsWork(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression;
}

/** `Promise.all(...)` and its siblings on the global `Promise`. */
export function isPromiseCombinator(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  return callee.object.name === 'Promise' && isGlobalReference(context, callee.object) && /^(?:all|allSettled|any|race)$/.test(propertyName(callee) ?? '');
}

const USER_INTERFACE_RECEIVERS: ReadonlySet<string> = new Set([
  'page',
  'frame',
  'mainFrame',
  'locator',
  'browser',
  'browserContext',
  'driver',
  'elementHandle',
  'mouse',
  'keyboard',
  'touchscreen',
  'cy',
  'userEvent',
  'screen',
  'fireEvent',
  'tab',
]);

const USER_INTERFACE_CALLS: ReadonlySet<string> = new Set(['expect', 'act', 'waitFor', 'waitForElementToBeRemoved']);

const USER_INTERFACE_METHODS: ReadonlySet<string> = new Set([
  'click',
  'dblclick',
  'fill',
  'press',
  'pressSequentially',
  'hover',
  'tap',
  'goto',
  'goBack',
  'goForward',
  'reload',
  'selectOption',
  'setInputFiles',
  'waitForSelector',
  'waitForNavigation',
  'waitForLoadState',
  'waitForURL',
  'waitForResponse',
  'waitForRequest',
  'waitForFunction',
  'screenshot',
  '$eval',
  '$$eval',
  'dragTo',
  'dragAndDrop',
  'setViewport',
  'setViewportSize',
  'newPage',
  'clear',
  'focus',
  'step',
]);

/** Steps of a browser or UI test: `page.click()`, `locator.fill()`, `expect(...).toBeVisible()`, `t.step()`. */
export function drivesUserInterface(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const names = calleeChainNames(node.callee);
  const method = names[names.length - 1] ?? '';
  if (names.slice(0, -1).some((name) => USER_INTERFACE_RECEIVERS.has(name) || name === 't')) return true;
  if (rootCallNames(node.callee).some((name) => USER_INTERFACE_CALLS.has(name)) || USER_INTERFACE_CALLS.has(method)) return true;
  return USER_INTERFACE_METHODS.has(method) && names.length > 1;
}

/** A transaction by its name: `tx`, `trx`, `transaction`, and the clients and managers named after one (`txClient()`, `transactionManager`). */
const TRANSACTION_NAMES = /^(?:(?:tx|trx|txn|transaction)(?:[A-Z]\w*)?|session|queryRunner|queryInterface|schema|t)$/;

/** A call on a transaction (`tx.user.create()`) or given one (`Model.create(x, { transaction })`). */
export function usesTransaction(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const names = calleeChainNames(node.callee);
  if (names.slice(0, -1).some((name) => TRANSACTION_NAMES.test(name) && name !== 't')) return true;
  return node.arguments.some((argument) => {
    // `preserve(id, transaction)`: the transaction handed over as it is.
    if (argument.type === AST_NODE_TYPES.Identifier && /^(?:transaction|trx|tx|txn)$/.test(argument.name)) return true;
    let found = false;
    visitAll(argument, (child) => {
      if (
        child.type === AST_NODE_TYPES.Property &&
        !child.computed &&
        child.key.type === AST_NODE_TYPES.Identifier &&
        /^(?:transaction|session|trx|tx)$/.test(child.key.name)
      )
        found = true;
    });
    return found;
  });
}

/**
 * `this.orderService.addItem(ctx, ...)` in Vendure: a `TransactionalConnection` gives every call
 * handed the `RequestContext` the repositories of the transaction that context carries, one
 * connection used in turn. A Medusa module's `sharedContext` and an entity manager handed in as a
 * parameter carry one transaction or unit of work the same way.
 */
export function handsOverTransactionalContext(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  return handsOverRequestContext(context, node) || node.arguments.some((argument) => isUnitOfWork(context, argument));
}

function handsOverRequestContext(context: RuleContext, node: TSESTree.CallExpression): boolean {
  // Asked of every await of every loop: the file's text is searched once.
  if (!context.shared.memo('usesTransactionalConnection', () => context.text.includes('TransactionalConnection'))) return false;
  // `this.connection.getRepository(ctx, Refund).save(refund)`: the context may be handed to a call earlier in the chain.
  const callee = unwrapExpression(node.callee);
  const earlier = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
  if (earlier?.type === AST_NODE_TYPES.CallExpression && handsOverRequestContext(context, earlier)) return true;
  // `connection.getRepository(ctx, Translation)`: the connection's two-argument form takes the context first, wherever `ctx` came from (`const { ctx } = options`).
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'getRepository' && node.arguments.length === 2) return true;
  // `historyService.createHistoryEntryForOrder({ ctx, orderId, type })`: the context handed over inside an options object counts the same.
  return node.arguments.some(
    (argument) =>
      isRequestContext(context, argument) ||
      (argument.type === AST_NODE_TYPES.ObjectExpression &&
        argument.properties.some((property) => property.type === AST_NODE_TYPES.Property && isRequestContext(context, property.value))),
  );
}

/** A variable declared as Vendure's `RequestContext` (`ctx: RequestContext`). */
function isRequestContext(context: RuleContext, node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && declaredTypeName(context, node) === 'RequestContext';
}

/** The name of the type a variable is declared with (`ctx: RequestContext` gives `RequestContext`). */
function declaredTypeName(context: RuleContext, node: TSESTree.Identifier): string | undefined {
  const binding = resolveVariable(context, node)?.defs[0]?.name;
  const annotation = binding?.type === AST_NODE_TYPES.Identifier ? binding.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = annotation.typeName;
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.type === AST_NODE_TYPES.TSQualifiedName ? name.right.name : undefined;
}

/** TypeORM's and MikroORM's entity managers: one handed in as a parameter is a transaction's, or one unit of work. */
const ENTITY_MANAGER_TYPES: ReadonlySet<string> = new Set(['EntityManager', 'SqlEntityManager']);

/**
 * A parameter handed on that carries one transaction or unit of work: a Medusa module's context
 * (`@MedusaContext() sharedContext`, with its entity manager, its transaction once one is open and
 * the events it collects), or an entity manager (`manager: EntityManager`). The calls take turns on it.
 */
function isUnitOfWork(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, node)?.defs[0];
  if (definition?.type !== 'Parameter') return false;
  if (ENTITY_MANAGER_TYPES.has(declaredTypeName(context, node) ?? '')) return true;
  if (!context.shared.memo('importsMedusa', () => context.text.includes('@medusajs/'))) return false;
  // `@MedusaContext() context: Context = {}`: the decorator sits on the parameter or on its default.
  const parameter = definition.name.parent?.type === AST_NODE_TYPES.AssignmentPattern ? definition.name.parent : definition.name;
  const decorators = [...(parameter.decorators ?? []), ...(definition.name.decorators ?? [])];
  // A helper of the module's actions takes it positionally, by the name Medusa's methods give it.
  return node.name === 'sharedContext' || decorators.some((decorator) => calleeName(decorator.expression) === 'MedusaContext');
}

const SHARED_RECEIVERS =
  /^(?:writer|stream|writable|readable|writeStream|readStream|output|out|sink|handle|fileHandle|fh|fd|file|socket|ws|webSocket|websocket|channel|port|serial|pipe|stdout|stderr|stdin|rl|readline|terminal|term|reader|iterator|iter|it|gen|generator|cursor|queue|conn|connection)$/;

const ORDERED_METHODS: ReadonlySet<string> = new Set([
  'write',
  'writeln',
  'writeLine',
  'writeAll',
  'end',
  'flush',
  'drain',
  'close',
  'read',
  'readLine',
  'readline',
  'next',
  'question',
  'prompt',
  'recv',
  'receive',
  'dequeue',
  'pop',
  'shift',
  'take',
  'poll',
  'append',
  'appendFile',
  'appendLine',
  'print',
  'println',
  'emit',
  'publish',
]);

const TERMINAL_CALLS: ReadonlySet<string> = new Set(['prompt', 'prompts', 'question', 'confirm']);

const INTERACTIVE_MODULES: ReadonlySet<string> = new Set([
  '@inquirer/prompts',
  'inquirer',
  'prompts',
  'enquirer',
  '@clack/prompts',
  'readline',
  'readline/promises',
  'events',
]);

/**
 * One resource the calls use in order: a stream or file handle being written, a socket, a
 * terminal prompt, an iterator or queue being read, an object the loop itself changes.
 */
export function drivesSharedResource(context: RuleContext, facts: LoopFacts, node: TSESTree.Node): boolean {
  if (drivesUserInterface(node) || usesTransaction(node) || waitsForEvents(node)) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (passesSharedState(node) || replacesSharedHandler(context, node) || drivesOneConversationOrPage(context, facts, node)) return true;
  const callee = unwrapExpression(node.callee);
  const names = calleeChainNames(callee);
  const method = names[names.length - 1] ?? '';
  if (callee.type === AST_NODE_TYPES.Identifier && TERMINAL_CALLS.has(method)) return true;
  const member = resolveModuleMember(context, callee);
  if (member && INTERACTIVE_MODULES.has(member.module)) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (writesIntoSharedDocument(context, facts, callee, method)) return true;
  const receivers = names.slice(0, -1);
  if (receivers.some((name) => SHARED_RECEIVERS.test(name)) && (ORDERED_METHODS.has(method) || method.startsWith('send'))) return true;
  // Messages over one connection, socket or channel arrive in the order they were sent.
  if (receivers.some((name) => /(?:Connection|Socket|Channel)$/.test(name))) return true;
  if (receivers.some((name) => /^(?:rl|readline|inquirer|enquirer|terminal)$/.test(name))) return true;
  if (ORDERED_METHODS.has(method)) {
    // One destination for every iteration: `file.write(line)`, `fs.appendFile(log, line)`, `channel.send(msg)`.
    const destination = method.startsWith('append') && node.arguments[0] && resolveModuleMember(context, callee) ? node.arguments[0] : callee.object;
    if (!variesPerIteration(context, facts, destination)) return true;
  }
  const receiver = rootSlot(context, callee.object);
  if (receiver && writesOf(facts, receiver).some((write) => write.member && !contains(node, write.node))) return true;
  const ownWritesOnly = receiver !== undefined && writesOf(facts, receiver).every((write) => contains(node, write.node));
  const collects = COLLECTING_METHODS.has(method) && !insertsTableRows(node);
  if (collects && ownWritesOnly && (typeof receiver === 'string' || !facts.declared.has(receiver!))) return true;
  if (collects && isSingletonInstance(callee.object)) return true;
  if (unwrapExpression(callee.object).type === AST_NODE_TYPES.ThisExpression && isStatefulMethod(callee)) return true;
  return false;
}

/** `thread`, `chat`, `conversation`, `supportThread`: one conversation, whose messages read in the order they were posted. */
const CONVERSATION_RECEIVER = /^(?:thread|chat|conversation)$|[a-z](?:Thread|Chat|Conversation)$/;
/** `post`, `postMessage`, `reply`, `send`, `sendMessage`: a message added to a conversation. */
const POSTING_METHOD = /^(?:post|reply|send|say)(?:[A-Z]\w*)?$/;

/** `thread.post(text).catch(ignore)`, `inspector.inputKind(selector)`: the working call posts to one conversation or drives a held browser page. */
function drivesOneConversationOrPage(context: RuleContext, facts: LoopFacts, node: TSESTree.CallExpression): boolean {
  const working = workingCall(node);
  const callee = working?.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(working.callee) : undefined;
  if (working?.type === AST_NODE_TYPES.CallExpression && drivesPageHeldOutside(context, working)) return true;
  return callee?.type === AST_NODE_TYPES.MemberExpression && (postsToOneChat(context, facts, working!) || holdsBrowserPage(context, facts, callee));
}

/** `chatId`, `chat_id`, `channelId`, `threadId`, `conversationId`, `targetChatId`: the conversation a bot posts to, by its id. */
const CONVERSATION_ID = /^(?:chat|channel|thread|conversation)_?[iI]d$|[a-z](?:Chat|Channel|Thread|Conversation)_?Id$/;
/** `createMessage`, `getOrCreateMessage`, `createChatMessage`: a message stored in a conversation, as a post adds one. */
const MESSAGE_CREATING = /(?:^c|C)reate\w*Message$/;

/** `chat_id`, `conversationId`, `thread`: an option or a parameter's key that names the conversation. */
const CONVERSATION_KEY = /^(?:(?:chat|channel|thread|conversation)_?[iI]d|thread|chat|conversation)$|[a-z](?:Chat|Channel|Thread|Conversation)(?:_?Id)?$/;

/** `sendMessage`, `reply`, `createMessage`, `messages.create`: a call that adds a message to a conversation. */
function isPostingCall(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call) ?? '';
  if (POSTING_METHOD.test(name) || MESSAGE_CREATING.test(name)) return true;
  const callee = unwrapExpression(call.callee);
  return /^(?:create|send)$/.test(name) && callee.type === AST_NODE_TYPES.MemberExpression && lastName(callee.object) === 'messages';
}

/** `chatId`, `chat`, `conversation.id`, `supportThread`: a value that names one conversation. */
function namesConversation(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  const name = lastName(inner) ?? '';
  if (inner.type === AST_NODE_TYPES.CallExpression) return false;
  if (CONVERSATION_ID.test(name) || CONVERSATION_RECEIVER.test(name)) return true;
  return inner.type === AST_NODE_TYPES.MemberExpression && /^_?id$/i.test(name) && CONVERSATION_RECEIVER.test(lastName(inner.object) ?? '');
}

/**
 * What a posting call names its conversation by: the receiver (`thread.post`), an argument (`sendMessage(userId, conversationId, …)`,
 * `sendCard(card, client, chat)`) or an option (`{ conversationId: conversation.id, … }`); empty for a call named for no post.
 */
function conversationsPostedTo(call: TSESTree.CallExpression): TSESTree.Node[] {
  if (!isPostingCall(call)) return [];
  const callee = unwrapExpression(call.callee);
  const named: TSESTree.Node[] = callee.type === AST_NODE_TYPES.MemberExpression && namesConversation(callee.object) ? [callee.object] : [];
  for (const [value, key] of handedValues(call)) if (CONVERSATION_KEY.test(key ?? '') || namesConversation(value)) named.push(value);
  return named;
}

/** The arguments of a call, and the values of the options it is handed, with their keys: `(userId, { conversationId: id })`. */
function handedValues(call: TSESTree.CallExpression): Array<[TSESTree.Node, string | undefined]> {
  return call.arguments.flatMap((argument): Array<[TSESTree.Node, string | undefined]> => {
    const inner = unwrapExpression(argument);
    if (inner.type !== AST_NODE_TYPES.ObjectExpression) return [[inner, undefined]];
    return inner.properties.flatMap((property): Array<[TSESTree.Node, string | undefined]> =>
      property.type === AST_NODE_TYPES.Property ? [[property.value, keyName(property)]] : [],
    );
  });
}

/** `user`, `memberId`, `recipient`, `to`, `email`: whom a message goes to, when it is a person rather than a conversation. */
const RECIPIENT = /^(?:to|email)$|(?:^|[a-z])(?:[uU]ser|[mM]ember|[pP]articipant|[rR]ecipient|[sS]ubscriber|[fF]ollower|[cC]ustomer|[cC]ontact)(?:_?[iI]d|s)?$/;

/** `notify(member.id, conversation)`: a message per person about one conversation, each to its own inbox. */
function addressesEachPerson(context: RuleContext, facts: LoopFacts, call: TSESTree.CallExpression): boolean {
  return handedValues(call).some(([value, key]) => RECIPIENT.test(key ?? lastName(value) ?? '') && variesPerIteration(context, facts, value));
}

/**
 * `await thread.post(text)`, `await bot.sendPhoto(chatId, photo)`, `await client.sendMessage(userId, conversationId, parts)`: a message
 * posted to one conversation, the same for every iteration, named by the receiver, an argument or an option; also through a function
 * of the file that posts to the conversation it is handed or holds (`await createMessage(part)` whose `client.createMessage({
 * conversationId: conversation.id, … })` names the conversation of the function around the loop). The messages show in the order
 * they were posted: the loop is the order of the conversation, whatever it awaits before each post.
 */
export function postsToOneChat(context: RuleContext, facts: LoopFacts, node: TSESTree.Node): boolean {
  const working = workingCall(unwrapExpression(node));
  if (working?.type !== AST_NODE_TYPES.CallExpression) return false;
  if (commentsOnOneRequest(context, facts, working)) return true;
  const named = conversationsPostedTo(working);
  if (named.length > 0)
    return named.every((conversation) => !variesPerIteration(context, facts, conversation)) && !addressesEachPerson(context, facts, working);
  return postsThroughFunctionToOneChat(context, facts, working);
}

/**
 * `await sendReply({ ...props, text })` where the function of the file posts a message to `conversation` of its parameter, or of the
 * code around it, or sends messages and is handed the conversation (`({ conversation, text })` whose `messages.create({ to, body })`
 * goes to the number `conversation` holds).
 */
function postsThroughFunctionToOneChat(context: RuleContext, facts: LoopFacts, call: TSESTree.CallExpression): boolean {
  const target = localFunction(context, call.callee);
  if (!target?.body) return false;
  const posts: TSESTree.CallExpression[] = [];
  visitWithinFunction(target.body, (child) => {
    if (child.type === AST_NODE_TYPES.CallExpression && isPostingCall(child)) posts.push(child);
  });
  const fixed = (conversation: TSESTree.Node): boolean => conversationHandedFixed(context, facts, target, call, conversation);
  return (
    posts.length > 0 &&
    (posts.some((post) => {
      const named = conversationsPostedTo(post);
      return named.length > 0 && named.every(fixed);
    }) ||
      conversationParameters(target).some(fixed))
  );
}

/** `(conversation, text)`, `({ chatId, text })`: the names a function's parameters give the conversation it is handed. */
function conversationParameters(target: FunctionNode): TSESTree.Identifier[] {
  return target.params.flatMap((parameter): TSESTree.Identifier[] => {
    if (parameter.type === AST_NODE_TYPES.Identifier) return namesConversation(parameter) ? [parameter] : [];
    if (parameter.type !== AST_NODE_TYPES.ObjectPattern) return [];
    return parameter.properties.flatMap((property): TSESTree.Identifier[] => {
      const bound = property.type === AST_NODE_TYPES.Property ? unwrapPattern(property.value) : undefined;
      return bound?.type === AST_NODE_TYPES.Identifier && CONVERSATION_KEY.test(keyName(property as TSESTree.Property) ?? '') ? [bound] : [];
    });
  });
}

/** `conversation = fallback` of a destructured parameter: the name it binds. */
function unwrapPattern(node: TSESTree.Node): TSESTree.Node {
  return node.type === AST_NODE_TYPES.AssignmentPattern ? node.left : node;
}

/**
 * Whether a conversation a function of the file posts to is the same for each call of the loop: a variable declared outside the
 * function that the loop does not change, or a parameter the call hands a value that does not change, by position or under its key
 * (`{ ...props, text }` for `({ conversation, text })`, where `props` is the same each time).
 */
function conversationHandedFixed(
  context: RuleContext,
  facts: LoopFacts,
  target: FunctionNode,
  call: TSESTree.CallExpression,
  conversation: TSESTree.Node,
): boolean {
  let root = unwrapExpression(conversation);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, root)?.defs[0];
  if (!definition) return false;
  if (definition.type !== 'Parameter' || definition.node !== target)
    return !contains(target, definition.name) && !variesPerIteration(context, facts, conversation);
  const index = target.params.findIndex((parameter) => contains(parameter, definition.name));
  const handed = call.arguments[index];
  const parameter = target.params[index];
  if (!handed || !parameter) return false;
  const options = unwrapExpression(handed);
  if (parameter.type !== AST_NODE_TYPES.ObjectPattern || options.type !== AST_NODE_TYPES.ObjectExpression) return !variesPerIteration(context, facts, handed);
  const key = parameter.properties.find((property) => property.type === AST_NODE_TYPES.Property && contains(property.value, definition.name));
  const keyed = key?.type === AST_NODE_TYPES.Property ? keyName(key) : undefined;
  const given = options.properties.filter(
    (property) => property.type === AST_NODE_TYPES.SpreadElement || (property.type === AST_NODE_TYPES.Property && keyName(property) === keyed),
  );
  return keyed !== undefined && given.length > 0 && given.every((property) => !variesPerIteration(context, facts, property));
}

/** `issues`, `pulls`, `MergeRequestDiscussions`, `MergeRequestNotes`: where a code host keeps the comments of a pull or merge request. */
const REQUEST_COMMENTS_RECEIVER = /^(?:issues|pulls)$|[a-z](?:Discussions|Notes|Comments)$/;
/** `createComment`, `createReviewComment`, `createReview`, and `create` on a receiver named for comments. */
const COMMENTING_METHOD = /^create(?:Review)?(?:Comment)?$/;
/** `pull_number`, `issue_number`, `pullNumber`, `mergeRequestIid`, `iid`: the request a comment goes to. */
const REQUEST_NUMBER_KEY = /^(?:pull|issue)_?[nN]umber$|^(?:merge_?[rR]equest_?)?[iI]id$/;

/**
 * `octokit.rest.pulls.createReviewComment({ owner, repo, pull_number, body })`, `issues.createComment({ issue_number, … })`,
 * `gitlab.MergeRequestDiscussions.create(projectId, mergeRequestIid, body)`: comments posted to one pull or merge request,
 * the same each iteration. They are one conversation that readers see in the order posted, and code hosts ask for content
 * to be created one request at a time. A comment per request (`pull_number: pull.number` of the loop's item) is reported.
 */
function commentsOnOneRequest(context: RuleContext, facts: LoopFacts, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    !COMMENTING_METHOD.test(propertyName(callee) ?? '') ||
    !REQUEST_COMMENTS_RECEIVER.test(lastName(callee.object) ?? '')
  )
    return false;
  const options = call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (options?.type === AST_NODE_TYPES.ObjectExpression) {
    const request = options.properties.find(
      (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && REQUEST_NUMBER_KEY.test(keyName(property) ?? ''),
    );
    return !!request && !variesPerIteration(context, facts, request.value);
  }
  // The project and the request come first, then the comment: `create(projectId, mergeRequestIid, body, options)`.
  return call.arguments.length >= 3 && call.arguments.slice(0, 2).every((argument) => !variesPerIteration(context, facts, argument));
}

/**
 * `await processPage(index)` with `const processPage = async (index) => { … await page.evaluate(…); await page.pdf(…); }` and `page`
 * opened before it (`const page = await browser.newPage()`): a function of the file that drives one browser page held outside it;
 * its calls take turns on that page (what it shows, the DOM it swaps), as the page's own calls do.
 */
function drivesPageHeldOutside(context: RuleContext, node: TSESTree.CallExpression): boolean {
  const target = localFunction(context, node.callee);
  if (!target?.body) return false;
  let drives = false;
  visitWithinFunction(target.body, (child) => {
    if (drives || child.type !== AST_NODE_TYPES.AwaitExpression) return;
    const call = unwrapExpression(child.argument);
    const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
    const holder = callee?.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
    if (holder?.type !== AST_NODE_TYPES.Identifier || !isOpenedBrowserHandle(context, holder)) return;
    const declared = resolveVariable(context, holder)?.defs[0]?.node;
    if (declared && !contains(target, declared)) drives = true;
  });
  return drives;
}

/** A browser or one of its pages, as a holder is handed it: `page`, `frame`, `browser`, `browserContext`, `driver`. */
const BROWSER_HANDLE = /^(?:page|frame|browser|browserContext|driver)$/;

/**
 * `await validator.detectInputType(selector)` where `validator.initialize(page, url)` or `new Validator(page)` came first:
 * an object of the function that holds one browser page, whose calls drive that page in turn.
 */
function holdsBrowserPage(context: RuleContext, facts: LoopFacts, callee: TSESTree.MemberExpression): boolean {
  const holder = unwrapExpression(callee.object);
  const variable = holder.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, holder) : undefined;
  if (!variable || facts.declared.has(variable)) return false;
  const handsPage = (call: TSESTree.Node | null | undefined): boolean =>
    (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
    call.arguments.some((argument) => isOpenedBrowserHandle(context, argument));
  const definition = variable.defs[0];
  if (definition?.type === 'Variable' && handsPage(definition.node.init && unwrapExpression(definition.node.init))) return true;
  return variable.references.some((reference) => {
    const member = reference.identifier.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      member.parent.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member &&
      handsPage(member.parent)
    );
  });
}

/** `page` set to what the code awaited (`const { page } = await openBrowser()`, `= await context.newPage()`): a page opened, not a page number. */
function isOpenedBrowserHandle(context: RuleContext, argument: TSESTree.Node): boolean {
  const handle = unwrapExpression(argument);
  if (handle.type !== AST_NODE_TYPES.Identifier || !BROWSER_HANDLE.test(handle.name)) return false;
  const definition = resolveVariable(context, handle)?.defs[0];
  const init = definition?.type === 'Variable' ? definition.node.init : undefined;
  return !!init && unwrapExpression(init).type === AST_NODE_TYPES.AwaitExpression;
}

/** Names of a document being filled, as an argument: `pdfDoc`, `zip`, `archive`, `workbook`, `csvWriter` (a bare `document` is often a database row). */
const DOCUMENT_ARGUMENT = /^(?:pdf\w*|\w*Pdf(?:Doc(?:ument)?)?|zip|\w*Zip|archive|\w*Archive|workbook|\w*Workbook|writer|\w*Writer|canvas)$/;

/**
 * An awaited call that fills one document the loop shares: `pdfDoc.embedPage(...)`,
 * `renderOverlay({ pdfDoc, page })`, `addToArchive(zip, file)`. Every iteration adds to it in
 * order, so the loop stays sequential.
 */
export function fillsSharedDocument(context: RuleContext, facts: LoopFacts, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && writesIntoSharedDocument(context, facts, callee, propertyName(callee) ?? '')) return true;
  const values = node.arguments.flatMap((argument): TSESTree.Node[] =>
    argument.type === AST_NODE_TYPES.ObjectExpression
      ? argument.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? [property.value] : []))
      : [argument],
  );
  return values.some((value) => value.type === AST_NODE_TYPES.Identifier && DOCUMENT_ARGUMENT.test(value.name) && !variesPerIteration(context, facts, value));
}

/**
 * `zip.addBuffer(await readBuffer(file), name)`, `const data = await load(page); pdfDoc.embedPng(data)`:
 * the awaited value, as it came, becomes the next entry of one archive or document the loop
 * fills. The document takes its entries one after another, so reading ahead only holds them.
 */
export function feedsSharedDocument(context: RuleContext, facts: LoopFacts, node: TSESTree.AwaitExpression): boolean {
  let value: TSESTree.Node = node;
  while (value.parent && isWrapper(value.parent)) value = value.parent;
  const holder = value.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value && holder.id.type === AST_NODE_TYPES.Identifier) {
    const uses = resolveVariable(context, holder.id)?.references.filter((reference) => reference.identifier !== holder.id) ?? [];
    return uses.length > 0 && uses.every((reference) => entersDocument(context, facts, reference.identifier));
  }
  return entersDocument(context, facts, value);
}

/** Type assertions and parentheses around a value, which leave it as it is. */
function isWrapper(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSNonNullExpression || node.type === AST_NODE_TYPES.TSTypeAssertion;
}

/** Whether a value is an argument of a call that writes into a document shared by the loop: the same object, which only its contents change. */
function entersDocument(context: RuleContext, facts: LoopFacts, value: TSESTree.Node): boolean {
  const call = value.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(value as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !namesDocumentWrite(callee, propertyName(callee) ?? '')) return false;
  return fillsOneObject(context, facts, callee.object);
}

/** Objects that the calls fill in order: an archive, a PDF or office document, a writer, a builder. */
const DOCUMENT_RECEIVER = /zip|archive|tar|pdf|doc(?:ument)?$|workbook|sheet|writer|builder|canvas|bundle|packer/i;
const DOCUMENT_METHODS = /^(?:add\w*|append\w*|write\w*|draw\w*|embed\w*|insert\w*|copyPages|file|entry|put\w*|finalize)$/;

/**
 * `zip.addFile(name, data)`, `pdfDoc.embedPng(bytes)`, `writer.write(row)`: the loop fills one
 * object declared outside it, and the calls must land in order.
 */
function writesIntoSharedDocument(context: RuleContext, facts: LoopFacts, callee: TSESTree.MemberExpression, method: string): boolean {
  return namesDocumentWrite(callee, method) && !variesPerIteration(context, facts, callee.object);
}

/** `zip.add(entry)`, `archive.append(stream, { name })`: a call that adds to one archive or document the loop fills. */
export function addsToSharedDocument(context: RuleContext, facts: LoopFacts, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !namesDocumentWrite(callee, propertyName(callee) ?? '')) return false;
  return fillsOneObject(context, facts, callee.object);
}

/** An object made outside the loop that the loop only fills (`zip.add(entry)`), never replaces. */
function fillsOneObject(context: RuleContext, facts: LoopFacts, object: TSESTree.Node): boolean {
  const receiver = rootSlot(context, object);
  return receiver !== undefined && (typeof receiver === 'string' || !facts.declared.has(receiver)) && writesOf(facts, receiver).every((write) => write.member);
}

/** `zip.addFile`, `pdfDoc.embedPng`, `writer.write`: a method that adds to an archive, a document or a writer, by their names. */
function namesDocumentWrite(callee: TSESTree.MemberExpression, method: string): boolean {
  return DOCUMENT_METHODS.test(method) && DOCUMENT_RECEIVER.test(lastName(callee.object) ?? '');
}

/** `worker.onmessage`, `socket.onclose`: the one handler an object calls back. */
const HANDLER_PROPERTY = /^on[a-z]+$/;

/**
 * `await validateDoc(doc)` where `validateDoc` posts to the module's one worker and sets
 * `worker.onmessage` to settle its promise: each call replaces the handler the previous call
 * waits on, so a second call in flight would take the first one's reply.
 */
function replacesSharedHandler(context: RuleContext, node: TSESTree.CallExpression): boolean {
  return calledFunctionHas(context, node, 'awaitPatterns.sharedHandlers', true, (child, fn) => {
    if (child.type !== AST_NODE_TYPES.AssignmentExpression || child.left.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (!HANDLER_PROPERTY.test(propertyName(child.left) ?? '')) return false;
    // A handler of an object the function made itself (`const own = new Worker(...)`) is that call's alone.
    const holder = unwrapExpression(child.left.object);
    const declaration = holder.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, holder)?.defs[0]?.node : undefined;
    return declaration !== undefined && !contains(fn, declaration);
  });
}

/** `new Promise((resolve) => stream.on('finish', resolve))`: waiting for events of something already running. */
function waitsForEvents(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise') return false;
  let listens = false;
  for (const argument of node.arguments) {
    visitAll(argument, (child) => {
      if (child.type === AST_NODE_TYPES.CallExpression && /^(?:on|once|pipe|addEventListener|addListener|pipeline|finished)$/.test(calleeName(child) ?? ''))
        listens = true;
    });
  }
  return listens;
}

/** `JobQueue.getInstance()` (or `?.`): the one instance a class hands out, the same store on every iteration. */
function isSingletonInstance(node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length > 0) return false;
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && propertyName(callee) === 'getInstance';
}

/** Adding to one collection-like store keeps its order: `store.add(x)`, `list.push(x)`. */
export const COLLECTING_METHODS: ReadonlySet<string> = new Set(['add', 'push', 'append', 'enqueue', 'insert', 'unshift']);

/** `db.insert('event', rows)`, `client.insert({ table: 'event', values })`: rows written to a database table, not items added to a list or queue. */
function insertsTableRows(call: TSESTree.CallExpression): boolean {
  const [first, second] = call.arguments.map((argument) => unwrapExpression(argument));
  if (propertyName(call.callee as TSESTree.MemberExpression) !== 'insert' || !first) return false;
  if (first.type === AST_NODE_TYPES.Literal) return typeof first.value === 'string' && second !== undefined;
  return (
    first.type === AST_NODE_TYPES.ObjectExpression &&
    first.properties.some((property) => property.type === AST_NODE_TYPES.Property && keyName(property) === 'table')
  );
}

/** Arguments that are a stream, or state shared by the calls (a visited set, a cache). */
function passesSharedState(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const values: TSESTree.Node[] = node.arguments.flatMap((argument): TSESTree.Node[] =>
    argument.type === AST_NODE_TYPES.ObjectExpression
      ? argument.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? [property.value] : []))
      : [argument],
  );
  return values.some((value) => {
    const name = lastName(value) ?? '';
    return /stream$/i.test(name) || /^(?:visited|seen|processed|memo|cache|registry)$|Registry$/i.test(name);
  });
}

const RESOURCE_CLASS =
  /QueryRunner|QueryInterface|Connection|Driver|Client|Session|Transaction|Socket|Stream|Adapter|Dialect|Database|Db$|Cache|Storage|Store$|Repository|Dao$|Queue|Browser|Page$|Writer|Reader|Executor|Runner$/;

/**
 * `this.method()` of a class that holds one resource (a query runner, a connection, a cache),
 * or of a method that changes the object: the calls take turns on that object.
 */
function isStatefulMethod(callee: TSESTree.MemberExpression): boolean {
  let classNode: TSESTree.Node | undefined = callee.parent;
  while (classNode && classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) classNode = classNode.parent;
  if (!classNode) return true;
  const className = classNode.id?.name ?? '';
  const superName = classNode.superClass ? (lastName(classNode.superClass) ?? '') : '';
  if (RESOURCE_CLASS.test(className) || RESOURCE_CLASS.test(superName)) return true;
  const name = propertyName(callee);
  const method = classNode.body.body.find(
    (member) =>
      (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
      !member.computed &&
      (member.key.type === AST_NODE_TYPES.Identifier || member.key.type === AST_NODE_TYPES.PrivateIdentifier) &&
      member.key.name === name,
  );
  // A method inherited or defined elsewhere: unknown, so assume it may change the object.
  if (!method) return true;
  let mutates = false;
  visitAll(method, (node) => {
    const mutation = memberMutation(node);
    if (mutation && unwrapExpression(rootObject(mutation.target)).type === AST_NODE_TYPES.ThisExpression) mutates = true;
  });
  return mutates;
}

export function rootObject(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return current;
}

/**
 * `for (const m of migrations) await m.up()`, `for (const hook of hooks) await hook(ctx)`,
 * `const doc = docs[i]; await doc.save()`: the items (or objects made from them) do the work, in their order.
 */
export function callsLoopItem(context: RuleContext, facts: LoopFacts, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
  let root = unwrapExpression(node.callee);
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
    root = unwrapExpression(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, root);
  if (variable && facts.declared.has(variable)) return !sameHandleForItems(context, facts, variable, node);
  if (computedByLoopValue(context, facts, node.callee)) return true;
  return (
    loopBindingNodes(facts.loop).some((binding) => patternNames(binding).includes(root.name)) ||
    (facts.loop.type === AST_NODE_TYPES.ForStatement && node.callee.type === AST_NODE_TYPES.MemberExpression && calleeIndexesByCounter(node.callee, facts))
  );
}

/**
 * `const collection = await storage.open('events'); await collection.findOne({ _id: item.id })` in a loop over items: the
 * handle is the same call's answer on every turn, not an object made from the item, and the call on it is handed the item.
 */
function sameHandleForItems(context: RuleContext, facts: LoopFacts, variable: Variable, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (facts.loop.type !== AST_NODE_TYPES.ForOfStatement && facts.loop.type !== AST_NODE_TYPES.ForInStatement) return false;
  const writes = writesOf(facts, variable);
  const value = writes.length === 1 && writes[0]!.value ? unwrapExpression(writes[0]!.value) : undefined;
  const made = value?.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(value.argument) : undefined;
  return (
    (made?.type === AST_NODE_TYPES.CallExpression || made?.type === AST_NODE_TYPES.NewExpression) &&
    !variesPerIteration(context, facts, made) &&
    call.arguments.some((argument) => variesPerIteration(context, facts, argument))
  );
}

const ASSERTION_ROOTS = /^(?:expect|assert|should|t|chai)$/;

/**
 * A test step: the awaited result goes straight into an assertion (`expect(await f(x)).toBe(y)`,
 * `const r = await f(x); assert.equal(r, y)`), checked case after case.
 */
export function checkedByAssertion(context: RuleContext, node: TSESTree.Node): boolean {
  const inAssertion = (start: TSESTree.Node): boolean => {
    for (let current: TSESTree.Node | undefined = start.parent; current && !isFunction(current); current = current.parent) {
      if (current.type === AST_NODE_TYPES.CallExpression && calleeChainNames(current.callee).some((name) => ASSERTION_ROOTS.test(name))) return true;
      if (current.type.endsWith('Statement') || current.type === AST_NODE_TYPES.VariableDeclaration) return false;
    }
    return false;
  };
  if (inAssertion(node)) return true;
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, declarator.id);
  return variable !== undefined && variable.references.some((reference) => !reference.init && inAssertion(reference.identifier));
}

/** `instance[method](...)` where the loop picks the method: each iteration calls a different operation. */
function computedByLoopValue(context: RuleContext, facts: LoopFacts, callee: TSESTree.Node): boolean {
  const inner = unwrapExpression(callee);
  return inner.type === AST_NODE_TYPES.MemberExpression && inner.computed && variesPerIteration(context, facts, inner.property);
}

/** `steps[i]()` or `jobs[i].run()` in an index loop. */
function calleeIndexesByCounter(callee: TSESTree.Node, facts: LoopFacts): boolean {
  let current = unwrapExpression(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.computed && current.property.type === AST_NODE_TYPES.Identifier) {
      const name = current.property.name;
      for (const slot of facts.writes.keys()) if (typeof slot !== 'string' && slot.name === name) return true;
    }
    current = unwrapExpression(current.object);
  }
  return false;
}

/**
 * `queueCommission({ ...item, triggerAggregate: index === items.length - 1 })`: the call is told
 * whether its item is the last, so what it does then (a summary, a flush) must come after the
 * other calls; started together, the last could finish first.
 */
export function toldWhetherLast(node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  let told = false;
  for (const argument of call.arguments) {
    visitAll(argument, (child) => {
      if (!told && child.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/.test(child.operator))
        told = isLastIndex(child.left) || isLastIndex(child.right);
    });
  }
  return told;
}

/**
 * `sendMediaGroup(chat, group, { reply_to_message_id: i === 0 ? replyTo : undefined })`: the call is told whether its item is the
 * first, which alone carries the caption or answers the message; the others are meant to follow it where readers see them.
 */
export function toldWhetherFirst(context: RuleContext, loop: LoopStatement, node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const counters = loopCounters(loop);
  if (counters.length === 0) return false;
  const isCounter = (side: TSESTree.Node): boolean => {
    const inner = unwrapExpression(side);
    const declared = inner.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, inner)?.defs[0]?.name : undefined;
    return declared !== undefined && counters.includes(declared as TSESTree.Identifier);
  };
  const isZero = (side: TSESTree.Node): boolean => side.type === AST_NODE_TYPES.Literal && side.value === 0;
  let told = false;
  for (const argument of call.arguments) {
    visitAll(argument, (child) => {
      if (!told && child.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/.test(child.operator))
        told = (isCounter(child.left) && isZero(child.right)) || (isZero(child.left) && isCounter(child.right));
    });
  }
  return told;
}

/**
 * `if (i++ === 0) await storeCover(image)`, `if (index === 0) await setPrimary(item)`: an await guarded by a test that only the
 * first turn passes, by the loop's counter or a count the loop raises there and nowhere else. It runs once, whatever the list.
 */
export function awaitsOnFirstTurnOnly(context: RuleContext, loop: LoopStatement, node: TSESTree.Node): boolean {
  const counters = loopCounters(loop);
  const countsTurns = (side: TSESTree.Node): boolean => {
    const inner = unwrapExpression(side);
    if (inner.type === AST_NODE_TYPES.Identifier) return counters.some((counter) => resolveVariable(context, inner)?.defs[0]?.name === counter);
    if (inner.type !== AST_NODE_TYPES.UpdateExpression || inner.operator !== '++' || inner.prefix || inner.argument.type !== AST_NODE_TYPES.Identifier)
      return false;
    const variable = resolveVariable(context, inner.argument);
    const declaredOutside = variable?.defs.length === 1 && !contains(loop, variable.defs[0]!.node);
    return declaredOutside && variable!.references.filter((reference) => reference.isWrite() && contains(loop, reference.identifier)).length === 1;
  };
  const isZero = (side: TSESTree.Node): boolean => side.type === AST_NODE_TYPES.Literal && side.value === 0;
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== loop; child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement || current.consequent !== child) continue;
    const test = unwrapExpression(current.test);
    if (test.type !== AST_NODE_TYPES.BinaryExpression || !/^==?=$/.test(test.operator)) continue;
    if ((countsTurns(test.left) && isZero(test.right)) || (isZero(test.left) && countsTurns(test.right))) return true;
  }
  return false;
}

/** The loop's counters: `i` of `for (let i = 0; …)`, `index` of `for (const [index, item] of items.entries())`. */
function loopCounters(loop: LoopStatement): TSESTree.Identifier[] {
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.init?.type === AST_NODE_TYPES.VariableDeclaration)
    return loop.init.declarations.flatMap((declarator) => (declarator.id.type === AST_NODE_TYPES.Identifier ? [declarator.id] : []));
  if (loop.type !== AST_NODE_TYPES.ForOfStatement || loop.left.type !== AST_NODE_TYPES.VariableDeclaration) return [];
  const pattern = loop.left.declarations[0]?.id;
  const first = pattern?.type === AST_NODE_TYPES.ArrayPattern ? pattern.elements[0] : undefined;
  const items = unwrapExpression(loop.right);
  const entries = items.type === AST_NODE_TYPES.CallExpression && calleeName(items) === 'entries' && items.arguments.length === 0;
  return entries && first?.type === AST_NODE_TYPES.Identifier ? [first] : [];
}

/** `items.length - 1`: the index of a list's last item. */
function isLastIndex(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  return (
    inner.type === AST_NODE_TYPES.BinaryExpression &&
    inner.operator === '-' &&
    inner.right.type === AST_NODE_TYPES.Literal &&
    inner.right.value === 1 &&
    inner.left.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(inner.left) === 'length'
  );
}

/**
 * `nip19.decode(key)`, `jwt.decode(token)`, `decode(text)` of `he`: a package's own `decode` or `encode`, which turns the value
 * handed over into another form on the spot (a codec's `decodeAsync(stream)`, named otherwise, reads as it goes).
 */
function codesInMemory(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const member = resolveModuleMember(context, call.callee);
  const name = member?.path.at(-1);
  return !!member && (name === 'decode' || name === 'encode') && member.path.length <= 2 && !isLocalModule(member.module);
}

/** Operations of the Web Crypto API (`crypto.subtle`), which compute on the bytes handed over. */
const WEB_CRYPTO_OPERATIONS = /^(?:digest|sign|verify|encrypt|decrypt|importKey|exportKey|deriveBits|deriveKey|generateKey|wrapKey|unwrapKey)$/;
/** Hash and HMAC constructors of a hashing package (`node:crypto`, `@noble/hashes`, `@better-auth/utils/hash`). */
const HASH_CONSTRUCTORS = /^create(?:Hash|Hmac)$/;

/**
 * `crypto.subtle.digest('SHA-256', bytes)`, `createHash('SHA-512').digest(code)`: hashing or
 * signing a value in memory, done in microseconds without a request; awaiting it in a loop
 * waits for nothing.
 */
export function computesInMemory(context: RuleContext, node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  if (codesInMemory(context, call)) return true;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee) ?? '';
  const receiver = unwrapExpression(callee.object);
  if (WEB_CRYPTO_OPERATIONS.test(method) && lastName(receiver) === 'subtle' && receiver.type !== AST_NODE_TYPES.CallExpression) return true;
  if (method !== 'digest') return false;
  // `createHash(algorithm).update(data).digest()`: the chain starts with a hash constructor imported from a package.
  let start: TSESTree.Node = receiver;
  while (start.type === AST_NODE_TYPES.CallExpression && unwrapExpression(start.callee).type === AST_NODE_TYPES.MemberExpression) {
    start = unwrapExpression((unwrapExpression(start.callee) as TSESTree.MemberExpression).object);
  }
  if (start.type !== AST_NODE_TYPES.CallExpression) return false;
  const member = resolveModuleMember(context, start.callee);
  return member !== undefined && !isLocalModule(member.module) && HASH_CONSTRUCTORS.test(member.path[member.path.length - 1] ?? '');
}

/** Packages of caches held in the process's memory, whose reads and writes return at once. */
const MEMORY_CACHE_PACKAGE = /^(?:node-cache|lru-cache|quick-lru|tiny-lru|memory-cache|@isaacs\/ttlcache|mnemonist(?:\/.*)?)$/;
/** Packages of caches kept by a server, which a `cache.get` may reach. */
const REMOTE_CACHE_PACKAGE =
  /^(?:redis|ioredis|@redis\/client|@upstash\/redis|@vercel\/kv|memcached|memjs|keyv|@keyv\/.*|cache-manager(?:-.*)?|@nestjs\/cache-manager|unstorage|catbox(?:-.*)?|@hapi\/catbox(?:-.*)?)$/;
const CACHE_METHODS = /^(?:get|set|del|delete|has|mget|mset|take|ttl|getTtl|peek|keys|clear|flushAll)$/;
const CACHE_NAME = /^(?:cache|\w+Cache)$/;

/**
 * `await cache.set(key, tree, 300)` on a `new NodeCache()`, an `LRUCache`: a cache in the process's memory answers at once, so
 * awaiting it in a loop waits for nothing. Reached through a registry (`APP.cache`), it is known by its name in a project whose only
 * cache package keeps it in memory.
 */
export function usesMemoryCache(context: RuleContext, node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !CACHE_METHODS.test(propertyName(callee) ?? '')) return false;
  const receiver = unwrapExpression(callee.object);
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const declarator = resolveVariable(context, receiver)?.defs[0]?.node;
    const init = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init && unwrapExpression(declarator.init);
    if (init && init.type === AST_NODE_TYPES.NewExpression) {
      const made = resolveModuleMember(context, init.callee);
      return made !== undefined && MEMORY_CACHE_PACKAGE.test(made.module);
    }
  }
  const dependencies = [...context.options.project.dependencies];
  return (
    CACHE_NAME.test(lastName(receiver) ?? '') &&
    dependencies.some((name) => MEMORY_CACHE_PACKAGE.test(name)) &&
    !dependencies.some((name) => REMOTE_CACHE_PACKAGE.test(name))
  );
}

/**
 * A call of an async function of the file, or of another file of the project, that awaits nothing and returns no call: its promise
 * settles with a value computed on the spot, so running several at once saves nothing. So does a function or method another file
 * declares to return a value (`projectSimple(role: Role): Record<string, unknown>`).
 */
export function callsLocalComputation(context: RuleContext, node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  // Such a function or method of another file, as the project model read it.
  if (callsSettledAsync(context, call) || callsSettledMethod(context, call)) return true;
  if (call.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, call.callee)?.defs[0];
  const declared =
    definition?.type === 'FunctionName' ? definition.node : definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
  const fn = declared && memoizedFunction(unwrapExpression(declared));
  if (!fn || !isFunction(fn) || !fn.async) return false;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return !containsAwait(fn.body) && !startsWork(unwrapExpression(fn.body));
  let io = false;
  visitWithinFunction(fn.body, (child) => {
    if (child.type === AST_NODE_TYPES.AwaitExpression || child.type === AST_NODE_TYPES.YieldExpression) io = true;
    else if (child.type === AST_NODE_TYPES.ReturnStatement && child.argument && startsWork(unwrapExpression(child.argument))) io = true;
  });
  return !io;
}

/** `useCallback(async (file) => …, deps)`: React keeps the function it is given; that function is what runs. */
function memoizedFunction(node: TSESTree.Node): TSESTree.Node {
  if (node.type !== AST_NODE_TYPES.CallExpression || calleeName(node) !== 'useCallback' || !node.arguments[0]) return node;
  return unwrapExpression(node.arguments[0]);
}

/** Array methods whose result holds some of the items it is called on, no others. */
const SUBSET_METHODS = /^(?:filter|slice|sort|toSorted|reverse|toReversed)$/;
const MAX_OWNER_DEPTH = 3;

/**
 * The object whose parts a list is: `order` for `order.lines`, `order.lines.filter(...)`,
 * `order.lines ?? []`, a variable set to one of them, or `const { lines } = order`. Undefined for
 * any other list.
 */
export function ownerOfItems(context: RuleContext, items: TSESTree.Node, depth = 0): TSESTree.Node | undefined {
  const inner = unwrapExpression(items);
  if (depth > MAX_OWNER_DEPTH) return undefined;
  // `order.lines ?? []`, `post.media?.filter(...) || []`: the record's list or nothing.
  if (inner.type === AST_NODE_TYPES.LogicalExpression && (inner.operator === '||' || inner.operator === '??')) {
    const fallback = unwrapExpression(inner.right);
    return fallback.type === AST_NODE_TYPES.ArrayExpression && fallback.elements.length === 0 ? ownerOfItems(context, inner.left, depth + 1) : undefined;
  }
  if (inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed) {
    const owner = unwrapExpression(inner.object);
    return owner.type === AST_NODE_TYPES.ThisExpression ? undefined : owner;
  }
  if (inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression) {
    return SUBSET_METHODS.test(propertyName(inner.callee) ?? '') ? ownerOfItems(context, inner.callee.object, depth + 1) : undefined;
  }
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, inner)?.defs[0];
  if (definition?.type !== 'Variable' || !definition.node.init) return undefined;
  const { id, init } = definition.node;
  if (id.type === AST_NODE_TYPES.Identifier) return ownerOfItems(context, init, depth + 1);
  // `const { lines } = order`: the property of that name.
  const destructured =
    id.type === AST_NODE_TYPES.ObjectPattern &&
    id.properties.some((property) => property.type === AST_NODE_TYPES.Property && property.value === definition.name && !property.computed);
  const owner = unwrapExpression(init);
  return destructured && owner.type !== AST_NODE_TYPES.ThisExpression ? owner : undefined;
}

/**
 * `await this.saveField(tableId, field)` where that function of the file runs its queries on a
 * transaction (`this.prisma.txClient().field.upsert(...)`, `tx.field.create(...)`): every call
 * goes over the transaction's one connection, in order.
 */
export function callsTransactionalFunction(context: RuleContext, node: TSESTree.Node): boolean {
  return calledFunctionHas(
    context,
    node,
    'awaitPatterns.transactionalFunctions',
    false,
    (child) => child.type === AST_NODE_TYPES.CallExpression && usesTransaction(child),
  );
}

/**
 * Whether the function of the file that `node` calls holds a node `matches` accepts, in its own
 * body or also in the functions it creates (`nested`); kept per function under `key`.
 */
export function calledFunctionHas(
  context: RuleContext,
  node: TSESTree.Node,
  key: string,
  nested: boolean,
  matches: (child: TSESTree.Node, fn: FunctionNode) => boolean,
): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const fn = localFunction(context, node.callee);
  // A declared signature (`declare function f(): Promise<void>`) has no body to read.
  if (!fn?.body) return false;
  const cache = context.shared.memo(key, () => new Map<TSESTree.Node, boolean>());
  let found = cache.get(fn);
  if (found === undefined) {
    found = false;
    (nested ? visitAll : visitWithinFunction)(fn.body, (child) => {
      if (!found && matches(child, fn)) found = true;
    });
    cache.set(fn, found);
  }
  return found;
}

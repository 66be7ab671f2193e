/**
 * Lists that one owner keeps to a few, wherever they are read: the parts of one record, and what one user, account or
 * customer has connected or set up. Shared by the rules that ask whether a loop or a `Promise.all` grows with the input.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { ownerOfItems } from './await-patterns';
import { calleeName, lastName, typeReferenceName } from './names';
import { ITEM_KEEPING_STEPS, namesOneOwner, OWNER_KEY, queryFilter } from './owner-rows';
import { databaseQueryOf } from './queries';
import { classFieldType, propertyName, resolveVariable, unwrapExpression } from './resolve';

/** Queries that load one row: its relations come with it, as many as that one record holds. */
const ONE_ROW_QUERY = /^(?:findUnique|findFirst|findOne|findOneBy|findByPk|findById|getEntityOrThrow)(?:OrThrow|OrFail)?$/;
/** A write of one row that returns it: `create`, `update`, `upsert` (not `createMany`); with `include` it brings that row's relations. */
const ONE_ROW_WRITE = /^(?:create|update|upsert)$/;

/**
 * Type names of what a caller hands in to be worked through: request input, commands, options,
 * payloads. Their lists are as long as the caller makes them.
 */
const INPUT_TYPE = /(?:Input|Args|Arguments|Dto|DTO|Command|Request|Req|Body|Params|Query|Payload|Options|Data|Event|Message)$/;

/**
 * `envelope.recipients.map(...)`, `(post.media || []).map(...)` where `envelope` is one row a
 * query loaded in this function (`await prisma.envelope.findUnique(...)`) or `post` a parameter
 * typed as one record (`post: PostDetails`): the parts of one record, as many as it holds.
 */
export function partsOfOneRow(context: RuleContext, items: TSESTree.Node, loadedOnly = false): boolean {
  // Only the rows a query loaded: the lists of a parameter, a field or an object a helper fetched are its caller's to bound.
  if (loadedOnly) return partsOfLoadedRow(context, ownerOfItems(context, items));
  const list = unwrapExpression(items);
  const listDefinition = list.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, list)?.defs[0] : undefined;
  if (listDefinition?.type === 'Parameter' && fieldOfNestedRecord(listDefinition.name)) return true;
  const owner = ownerOfItems(context, items);
  // `this.bookmark.assets`: the list of the one record a field of the class holds (`private bookmark: Bookmark`).
  if (owner?.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(owner.object).type === AST_NODE_TYPES.ThisExpression)
    return isOneRecordType(classFieldType(owner));
  // `input.group.defaultLinks`: the list of the one record the input names.
  if (owner?.type === AST_NODE_TYPES.MemberExpression && !owner.computed && NESTED_RECORD.test(propertyName(owner) ?? '')) {
    const root = unwrapExpression(owner.object);
    return root.type === AST_NODE_TYPES.Identifier && resolveVariable(context, root)?.defs[0]?.type === 'Parameter';
  }
  // `const { accounts } = await client.getRequisition(requisitionId)`.
  if (owner?.type === AST_NODE_TYPES.AwaitExpression) return fetchedById(owner);
  if (owner?.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, owner)?.defs[0];
  if (definition?.type === 'Parameter') return typedAsOneRecord(definition.name);
  if (definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return false;
  // The query itself: a function of the project that runs one such query may run others too, unless it fetches one object by its id.
  return partsOfLoadedRow(context, owner) || fetchedById(definition.node.init);
}

/** `account` of `const account = await prisma.emailAccount.findUnique(...)` or of a one-row write: one row a query of the function loaded. */
function partsOfLoadedRow(context: RuleContext, owner: TSESTree.Node | undefined): boolean {
  const definition = owner?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, owner)?.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return false;
  const query = databaseQueryOf(context, definition.node.init);
  if (!query || query.wrapper) return false;
  return query.kind === 'read' ? ONE_ROW_QUERY.test(query.operation) : query.kind === 'write' && !query.row && ONE_ROW_WRITE.test(query.operation);
}

/** `getRequisition`, `fetchInvoiceById`: a call named for fetching one object (a singular noun, or `…ById`; not a `…List` or `…Page`). */
const FETCHES_ONE = /^(?:get|fetch|load|retrieve|find)[A-Z][a-zA-Z]*(?:[^s]|ss)$(?<!(?:List|Page|Collection|Feed))/;
/** `id`, `requisitionId`, `input.accountId`: one id, not a list of them (`ids`) nor a text to search. */
const ONE_ID = /^(?:id|[a-zA-Z]*[a-z]Id)$/;

/**
 * `await client.getRequisitionById(requisitionId)`, `await this.getAccount(id)`: one object an API client or a helper
 * fetches by the one id it is handed; its lists (`requisition.accounts`) are that object's parts, as a row's are.
 */
function fetchedById(node: TSESTree.Node): boolean {
  const awaited = unwrapExpression(node);
  const call = awaited.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(awaited.argument) : undefined;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return false;
  const argument = lastName(call.arguments[0]!);
  return FETCHES_ONE.test(calleeName(call) ?? '') && unwrapExpression(call.arguments[0]!).type !== AST_NODE_TYPES.CallExpression && ONE_ID.test(argument ?? '');
}

/**
 * A field name that names one record (`group`, `integration`, `order`), not the input, its options,
 * or a list (`items`, `data`, `body`, `filters`): what it holds, one record holds.
 */
const NESTED_RECORD =
  /^(?!(?:data|body|input|args|params|query|payload|options|config|settings|request|req|event|message|result|response|filter|where|page|meta|context|ctx)$)[a-z][a-zA-Z]*[^s]$|^[a-z][a-zA-Z]*ss$/;

/** `{ group: { defaultLinks } }` in a parameter: a list nested in one record the input holds. */
function fieldOfNestedRecord(binding: TSESTree.Node): boolean {
  const holder = binding.parent?.type === AST_NODE_TYPES.AssignmentPattern ? binding.parent : binding;
  const field = holder.parent;
  const record = field?.type === AST_NODE_TYPES.Property && field.value === holder ? field.parent?.parent : undefined;
  return (
    record?.type === AST_NODE_TYPES.Property &&
    !record.computed &&
    record.key.type === AST_NODE_TYPES.Identifier &&
    record.parent?.type === AST_NODE_TYPES.ObjectPattern &&
    NESTED_RECORD.test(record.key.name)
  );
}

/** `post: PostDetails`, `order: Order`: a parameter declared as one object of a named type that is no input, command or options. */
function typedAsOneRecord(parameter: TSESTree.Node): boolean {
  return isOneRecordType(parameter.type === AST_NODE_TYPES.Identifier ? parameter.typeAnnotation?.typeAnnotation : undefined);
}

/** One object of a named type that is no input, command, options or collection. */
function isOneRecordType(annotation: TSESTree.TypeNode | undefined): boolean {
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeArguments) return false;
  const name = typeReferenceName(annotation) ?? '';
  return !INPUT_TYPE.test(name) && !/^(?:Array|ReadonlyArray|Set|Map|Record|Partial|Promise)$/.test(name);
}

/**
 * Models named for what an owner connects or sets up: its connections, channels, integrations, accounts, subscriptions,
 * providers and credentials (`calendarConnection`, `messagingChannel`, `Integration`). One user holds a few of each.
 */
const OWNED_SETUP_MODEL = /(?:^|[a-z0-9_])(?:[Cc]onnection|[Cc]hannel|[Ii]ntegration|[Aa]ccount|[Ss]ubscription|[Pp]rovider|[Cc]redential)s?$/;
/** `customer`, `subscription`: how a payment API's list names the one owner it lists for (Stripe's `subscriptions.list({ customer })`). */
const OWNER_FILTER = /^(?:customer|subscription|account|user|owner)$/;
const MAX_LIST_DEPTH = 6;

/**
 * `for (const channel of channels)` where `channels = await prisma.messagingChannel.findMany({ where: { emailAccountId } })`,
 * `for (const invoice of invoices.data)` where `invoices = await stripe.invoices.list({ subscription: id })`, or a list of one
 * record (`rule.actions` of a row loaded by `findUnique`): what one owner has set up, a few, however many owners there are.
 * With `loadedRowsOnly`, the parts of a record count only for a row a query of the function loaded.
 */
export function fewPerOwner(context: RuleContext, items: TSESTree.Node, loadedRowsOnly = false): boolean {
  const source = listSource(context, items, 0);
  return (
    (source.type === AST_NODE_TYPES.CallExpression && (listsOwnersSetup(context, source) || listsForOneOwner(context, source))) ||
    partsOfOneRow(context, items, loadedRowsOnly)
  );
}

/** `rows` of `rows.filter(...)`, `rows.slice(0, 10)`: the list a step takes its items from. */
export function keptItemsOf(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return ITEM_KEEPING_STEPS.test(propertyName(node.callee) ?? '') ? node.callee.object : undefined;
}

/** The call a list comes from, through `await`, `?? []`, `.filter(...)` and similar steps, a page's `.data`, and the `const`s holding them. */
function listSource(context: RuleContext, items: TSESTree.Node, depth: number): TSESTree.Node {
  const inner = unwrapExpression(items);
  if (depth >= MAX_LIST_DEPTH) return inner;
  if (inner.type === AST_NODE_TYPES.AwaitExpression) return listSource(context, inner.argument, depth + 1);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && (inner.operator === '??' || inner.operator === '||')) {
    const fallback = unwrapExpression(inner.right);
    return fallback.type === AST_NODE_TYPES.ArrayExpression && fallback.elements.length === 0 ? listSource(context, inner.left, depth + 1) : inner;
  }
  const kept = keptItemsOf(inner);
  if (kept) return listSource(context, kept, depth + 1);
  // `page.data`: the items of a payment or SaaS API's list object.
  if (inner.type === AST_NODE_TYPES.MemberExpression && propertyName(inner) === 'data') return listSource(context, inner.object, depth + 1);
  if (inner.type !== AST_NODE_TYPES.Identifier) return inner;
  const variable = resolveVariable(context, inner);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.id !== definition.name || !definition.node.init) return inner;
  return listSource(context, definition.node.init, depth + 1);
}

/**
 * `prisma.calendarConnection.findMany({ where: { emailAccountId, isConnected: true } })`: a model of an owner's set-up, read for
 * one owner; or `createCalendarProviders(emailAccountId)`, a function of the project that returns such rows one for one.
 */
function listsOwnersSetup(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const query = databaseQueryOf(context, call);
  if (!query || query.kind !== 'read' || !OWNED_SETUP_MODEL.test(query.model ?? '')) return false;
  if (query.wrapper) return query.site?.ownerRows === true;
  const options = call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (query.call !== call || options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const filter = queryFilter(options);
  return filter.type === AST_NODE_TYPES.ObjectExpression && namesOneOwner(filter, OWNER_KEY);
}

/**
 * `stripe.subscriptions.list({ customer: customerId })`, `stripe.invoices.list({ subscription: id, status: 'open' })`: an
 * API's list of one of its resources (no query of the project's database) for the one customer or subscription it names.
 */
function listsForOneOwner(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'list') return false;
  const resource = unwrapExpression(callee.object);
  const options = call.arguments[0] && unwrapExpression(call.arguments[0]);
  return (
    resource.type === AST_NODE_TYPES.MemberExpression &&
    /[a-z]s$/.test(propertyName(resource) ?? '') &&
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    (namesOneOwner(options, OWNER_FILTER) || namesOneOwner(options, OWNER_KEY)) &&
    !databaseQueryOf(context, call)
  );
}

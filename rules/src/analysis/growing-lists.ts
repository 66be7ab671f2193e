/**
 * Where a list comes from when that source grows with the input: the rows of a query without a limit, a request's
 * input, a directory listing, an upload's files, the lines or rows of a text read or parsed. A list of another origin
 * (the fields of one object, a configuration, a small external taxonomy, a parameter) is as long as its maker keeps it.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { callLabel, calleeChainNames, calleeName, typeReferenceName } from './names';
import { databaseQueryOf, type QueryMatch } from './queries';
import { returnedExpression } from './orm';
import { transactionCallback } from '../project-model/summaries';
import { destructuredSource, keyName, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { contains, isFunction, isLoopStatement } from './scopes';
import { visitAll } from './visit';

/** What kind of source a list has, and how a message names it. */
export interface ListOrigin {
  kind: 'rows' | 'request' | 'files' | 'text';
  /** Plain text: "rows of prisma.user.findMany, no limit", "request input". */
  phrase: string;
  /** For rows: the query that reads them (`prisma.user.findMany`), which a message can name alone. */
  query?: string;
}

/** Whether a query or call caps its result (`take`, `.limit(n)`, one page): the caller's own test, shared with its other checks. */
export type LimitTest = (node: TSESTree.Node) => boolean;

const MAX_DEPTH = 6;

/** Array steps that keep the list they are called on, or part of it: what they return grows as it does. */
const KEEPING_STEPS = /^(?:filter|map|flatMap|flat|slice|sort|toSorted|reverse|toReversed|concat|values|keys|entries)$/;
/** Reads that answer with many rows; a read of one row (`findUnique`, `first`, `count`) has none to fan out over. */
const MANY_ROW_READS =
  /^(?:findMany|find|findAll|findBy|findAndCountAll|getMany|getRawMany|getManyAndCount|select|selectFrom|selectDistinct|query|\$queryRaw|\$queryRawUnsafe|execute|all|many|manyOrNone|any|where|whereIn|aggregate|distinct|scan|smembers|sMembers|zrange|zRange|zrangebyscore|zRangeByScore|lrange|lRange|hgetall|hGetAll|keys|getSortedSetRange|getSortedSetRevRange|getSetMembers)$/;
/** A Sequelize getter of a to-many association (`collective.getEvents()`): every associated row. */
const TO_MANY_GETTER = /^get[A-Z]\w*s$/;
/** Fields a query's or an API's result keeps its rows in (`const { rows } = await pool.query(sql)`, `result.data`). */
const ROW_FIELDS = /^(?:rows|data|items|results|records|docs|hits|Items|recordset|value|values|entries|nodes|edges)$/;
/** Fields of a request that carry what its sender wrote. */
const REQUEST_FIELDS = /^(?:body|query|params|files|payload|input|args)$/;
/** Names a request or its context goes by in a handler. */
const REQUEST_NAMES = /^(?:req|request)$/;
/** Decorators of a handler's parameters that hand it the request's input (NestJS, routing-controllers, type-graphql). */
const INPUT_DECORATORS = /^(?:Body|Query|Param|Params|UploadedFiles|UploadedFile|Args|Arg|Payload|QueryParams|BodyParam)$/;
/** Types a handler's input is declared with: data transfer objects and request bodies. */
const INPUT_TYPES = /(?:Dto|DTO|Body|RequestBody|Request|Input|Args)$/;
/** Calls that list a directory or match files: `readdir`, `glob`, `fast-glob`, `globby`. */
const LISTING_CALLS = /^(?:readdir|readdirSync|opendir|glob|globSync|globby|globbySync|fastGlob|fg|sync)$/;
/** What tRPC procedures are built with: `.query(...)`, `.mutation(...)`, `.subscription(...)`. */
const PROCEDURE_METHODS = /^(?:query|mutation|subscription)$/;

/** The source of a list when it grows with the input, or undefined when it does not or the analysis cannot tell. */
export function growingOrigin(context: RuleContext, node: TSESTree.Node, isLimited: LimitTest, depth = 0): ListOrigin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const next = (child: TSESTree.Node): ListOrigin | undefined => growingOrigin(context, child, isLimited, depth + 1);
  let inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = unwrapExpression(inner.argument);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
      return variableOrigin(context, inner, isLimited, depth);
    case AST_NODE_TYPES.MemberExpression:
      return memberOrigin(context, inner, next);
    case AST_NODE_TYPES.CallExpression:
      return callOrigin(context, inner, isLimited, next);
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return queryRows(context, inner, isLimited);
    case AST_NODE_TYPES.NewExpression:
      return calleeName(inner) === 'Set' || calleeName(inner) === 'Map' ? inner.arguments[0] && next(inner.arguments[0]) : undefined;
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of inner.elements) {
        const found = element?.type === AST_NODE_TYPES.SpreadElement ? next(element.argument) : undefined;
        if (found) return found;
      }
      return undefined;
    case AST_NODE_TYPES.LogicalExpression:
      return next(inner.left) ?? next(inner.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return next(inner.consequent) ?? next(inner.alternate);
    case AST_NODE_TYPES.ObjectExpression:
      // `Array.from({ length: ids.length }, ...)`: as long as the list it measures.
      return lengthOf(inner, next);
    default:
      return undefined;
  }
}

function lengthOf(object: TSESTree.ObjectExpression, next: (child: TSESTree.Node) => ListOrigin | undefined): ListOrigin | undefined {
  const length = object.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && keyName(property) === 'length',
  );
  const value = length && unwrapExpression(length.value);
  return value?.type === AST_NODE_TYPES.MemberExpression && propertyName(value) === 'length' ? next(value.object) : undefined;
}

/** A variable's value: its `const` (or never reassigned) initializer, a field destructured from one, or a handler's input parameter. */
function variableOrigin(context: RuleContext, identifier: TSESTree.Identifier, isLimited: LimitTest, depth: number): ListOrigin | undefined {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !definition) return undefined;
  if (definition.type === 'Parameter') return parameterOrigin(context, definition.name as TSESTree.Identifier, definition.node as TSESTree.Node);
  if (definition.type !== 'Variable') return undefined;
  const declarator = definition.node;
  if (declarator.id === definition.name) {
    const value = valueRead(variable, identifier, declarator);
    return value && growingOrigin(context, value, isLimited, depth + 1);
  }
  if (!declarator.init || variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  // `const { rows } = await pool.query(sql)`, `const { ids } = req.body`.
  const destructured = destructuredSource(context, identifier);
  if (!destructured || destructured.path.length !== 1) return undefined;
  const whole = growingOrigin(context, destructured.init, isLimited, depth + 1);
  return whole && keepsOrigin(whole, destructured.path[0]!) ? whole : undefined;
}

/**
 * The value a read of a variable sees: its initializer when it is never assigned again; for a `let` assigned later, the last
 * plain assignment before the read (`let pages; pages = await findMany(…); pages = await Promise.all(pages.map(…))` reads the
 * rows), when the read runs once (in no loop the variable was declared outside of) and no other write comes before it.
 */
function valueRead(variable: Variable, read: TSESTree.Identifier, declarator: TSESTree.VariableDeclarator): TSESTree.Expression | undefined {
  const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init);
  if (writes.length === 0) return declarator.init ?? undefined;
  const before = writes.filter((write) => writeEnd(write.identifier) <= read.range[0]);
  if (before.length < writes.length && loopsBetween(read, declarator)) return undefined;
  if (before.length === 0) return declarator.init ?? undefined;
  const last = before.reduce((latest, write) => (write.identifier.range[0] > latest.identifier.range[0] ? write : latest));
  const assignment = last.identifier.parent;
  return assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.operator === '=' && assignment.left === last.identifier
    ? assignment.right
    : undefined;
}

/** Where a write takes effect: the end of its assignment (`xs = await Promise.all(xs.map(…))` reads `xs` before writing it). */
function writeEnd(target: TSESTree.Node): number {
  const assignment = target.parent;
  return assignment?.type === AST_NODE_TYPES.AssignmentExpression ? assignment.range[1] : target.range[1];
}

/** Whether a loop inside the declaration's block runs the read again: a later write may then come before it. */
function loopsBetween(read: TSESTree.Node, declarator: TSESTree.Node): boolean {
  for (let current = read.parent; current && !contains(current, declarator); current = current.parent) {
    if (isFunction(current) || isLoopStatement(current)) return true;
  }
  return false;
}

/** A field of a value keeps its origin when it holds the rows (`result.rows`) or is part of the input (`body.ids`). */
function keepsOrigin(origin: ListOrigin, field: string): boolean {
  return origin.kind === 'request' || origin.kind === 'text' || ROW_FIELDS.test(field);
}

function memberOrigin(context: RuleContext, member: TSESTree.MemberExpression, next: (child: TSESTree.Node) => ListOrigin | undefined): ListOrigin | undefined {
  if (member.computed) return undefined;
  const field = propertyName(member);
  if (!field) return undefined;
  // `req.body.ids`, `request.files`, `ctx.request.body.items`.
  const object = unwrapExpression(member.object);
  if (REQUEST_FIELDS.test(field) && namesRequest(object)) return field === 'files' ? { kind: 'files', phrase: 'uploaded files' } : REQUEST_INPUT;
  const whole = next(object);
  if (whole?.kind === 'request' && schemaCapsField(context, object, field)) return undefined;
  return whole && keepsOrigin(whole, field) ? whole : undefined;
}

/**
 * `input.ids` where the procedure's schema says `ids: z.array(z.string()).max(100)`, `dto.ids` where the class declares
 * `@ArrayMaxSize(100) ids`: the request cannot hold more, whatever its sender writes.
 */
function schemaCapsField(context: RuleContext, object: TSESTree.Node, field: string): boolean {
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, object)?.defs[0];
  if (definition?.type !== 'Parameter') return false;
  const fn = definition.node as TSESTree.Node;
  const name = definition.name as TSESTree.Identifier;
  const annotation = name.typeAnnotation?.typeAnnotation;
  const typeName = annotation && inputTypeName(annotation);
  if (typeName) return classCapsField(context, typeName, field);
  const procedure = fn.parent?.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(fn.parent.callee) : undefined;
  const built = procedure?.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(procedure.object) : undefined;
  const schema = built?.type === AST_NODE_TYPES.CallExpression && calleeName(built) === 'input' ? built.arguments[0] : undefined;
  return schema !== undefined && schemaCaps(context, schema, field);
}

/** A Zod (or Yup, Valibot) object schema written here or in a `const` of the file whose `field` ends in `.max(n)` / `.length(n)`. */
function schemaCaps(context: RuleContext, schema: TSESTree.Node, field: string): boolean {
  let inner = unwrapExpression(schema);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, inner)?.defs[0];
    if (definition?.type !== 'Variable' || !definition.node.init) return false;
    inner = unwrapExpression(definition.node.init);
  }
  let capped = false;
  visitAll(inner, (node) => {
    if (capped || node.type !== AST_NODE_TYPES.Property || keyName(node) !== field) return;
    visitAll(node.value, (step) => {
      capped ||= step.type === AST_NODE_TYPES.CallExpression && /^(?:max|length|maxLength)$/.test(calleeName(step) ?? '');
    });
  });
  return capped;
}

/** A class of this file whose `field` is decorated `@ArrayMaxSize(n)` (class-validator). */
function classCapsField(context: RuleContext, className: string, field: string): boolean {
  let capped = false;
  visitAll(context.ast, (node) => {
    if (capped || (node.type !== AST_NODE_TYPES.ClassDeclaration && node.type !== AST_NODE_TYPES.ClassExpression) || node.id?.name !== className) return;
    capped = node.body.body.some(
      (member) =>
        member.type === AST_NODE_TYPES.PropertyDefinition &&
        !member.computed &&
        member.key.type === AST_NODE_TYPES.Identifier &&
        member.key.name === field &&
        member.decorators.some((decorator) => calleeName(decorator.expression) === 'ArrayMaxSize'),
    );
  });
  return capped;
}

const REQUEST_INPUT: ListOrigin = { kind: 'request', phrase: 'request input' };

/** `req`, `request`, `ctx.request`, `c.req` of a handler. */
function namesRequest(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return REQUEST_NAMES.test(node.name);
  return node.type === AST_NODE_TYPES.MemberExpression && REQUEST_NAMES.test(propertyName(node) ?? '');
}

function callOrigin(
  context: RuleContext,
  call: TSESTree.CallExpression,
  isLimited: LimitTest,
  next: (child: TSESTree.Node) => ListOrigin | undefined,
): ListOrigin | undefined {
  const callee = unwrapExpression(call.callee);
  const names = calleeChainNames(callee);
  const name = names.at(-1) ?? '';
  const first = call.arguments[0];
  // `Object.keys(req.body)`, `Array.from(new Set(ids))`.
  if (names.length === 2 && (names[0] === 'Object' || names[0] === 'Array') && first) return next(first);
  if (name === 'split' && callee.type === AST_NODE_TYPES.MemberExpression && first && splitsLines(first)) return { kind: 'text', phrase: 'lines of a text' };
  if (names.join('.') === 'JSON.parse') return { kind: 'text', phrase: 'a parsed payload' };
  // `await req.json()`, `await request.formData()` of a route handler.
  if (callee.type === AST_NODE_TYPES.MemberExpression && /^(?:json|formData)$/.test(name) && namesRequest(unwrapExpression(callee.object)))
    return REQUEST_INPUT;
  if (name === 'getAll' && callee.type === AST_NODE_TYPES.MemberExpression && /form/i.test(names.at(-2) ?? ''))
    return { kind: 'files', phrase: 'uploaded form entries' };
  const listing = listingModule(context, call, name);
  if (listing) return { kind: 'files', phrase: /glob/.test(listing) ? 'files a glob matches' : 'a directory listing' };
  if (parsesCsv(context, call)) return { kind: 'text', phrase: 'rows of a parsed CSV' };
  const rows = queryRows(context, call, isLimited);
  if (rows) return rows;
  // `const rows = await db.transaction(async (tx) => tx.select().from(items))`: what the callback hands back.
  const transaction = transactionCallback(call);
  const returned = transaction && returnedExpression(transaction);
  if (returned) return next(returned);
  if (callee.type === AST_NODE_TYPES.MemberExpression && KEEPING_STEPS.test(name)) return next(callee.object);
  return undefined;
}

/** `text.split('\n')`, `split(/\r?\n/)`: the lines of a text, as many as it holds. */
function splitsLines(separator: TSESTree.Node): boolean {
  const inner = unwrapExpression(separator);
  if (inner.type !== AST_NODE_TYPES.Literal) return false;
  if (typeof inner.value === 'string') return inner.value === '\n' || inner.value === '\r\n';
  return 'regex' in inner && !!inner.regex && /\\n/.test(inner.regex.pattern);
}

/** The module of a listing call, `readdir(dir)`, `fs.promises.readdir(dir)`, `glob('**\/*.md')`, `fg(patterns)`: Node's fs or a glob package. */
function listingModule(context: RuleContext, call: TSESTree.CallExpression, name: string): string | undefined {
  if (!LISTING_CALLS.test(name)) return undefined;
  const module = resolveModuleMember(context, call.callee)?.module.replace(/^node:/, '');
  return module && /^(?:fs|fs\/promises|fs-extra|graceful-fs|glob|fast-glob|globby|tiny-glob|tinyglobby)$/.test(module) ? module : undefined;
}

/** `Papa.parse(text).data`, `parse(text, { columns: true })` of `csv-parse/sync`. */
function parsesCsv(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const member = resolveModuleMember(context, call.callee);
  return (
    !!member &&
    /^(?:papaparse|csv-parse(?:\/sync)?|csv-parser|csvtojson|neat-csv)$/.test(member.module) &&
    /^(?:parse|default)$/.test(member.path.at(-1) ?? 'default')
  );
}

/** The rows a query reads, when it reads many and states no limit; a project function that runs such a read counts too. */
function queryRows(context: RuleContext, node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, isLimited: LimitTest): ListOrigin | undefined {
  if (!context.databaseInReach) return undefined;
  const match = databaseQueryOf(context, node);
  if (!match || match.topRows || isLimited(node) || groupsRows(node) || readsWhatCallerAsks(context, node, match)) return undefined;
  const readsMany = match.kind === 'read' && MANY_ROW_READS.test(match.operation);
  if (!readsMany && !(match.library === 'sequelize' && match.kind !== 'write' && TO_MANY_GETTER.test(match.operation))) return undefined;
  const label = node.type === AST_NODE_TYPES.CallExpression ? callLabel(node) : undefined;
  const query = label ?? match.operation;
  return { kind: 'rows', phrase: `rows of ${query}, no limit`, query };
}

/**
 * `db.getObjects(keys)`, `store.getRange(key, 0, 19)`: a function of the project whose reads are handed the caller's list of keys, or
 * the bounds of a range, answers as many rows as the caller asks for (like a parameter of unknown origin). One handed a filter
 * (`usersForFrequency('daily')`, `listMembers(teamId)`) answers every row that matches it, and one that reads without arguments all rows.
 */
function readsWhatCallerAsks(context: RuleContext, node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, match: QueryMatch): boolean {
  if (!match.wrapper || node.type !== AST_NODE_TYPES.CallExpression) return false;
  const read = match.inputs?.map((input) => Number(input.split('.')[0]));
  return node.arguments.some((argument, index) => (read === undefined || read.includes(index)) && picksCount(context, argument));
}

/** A list of keys (written out, mapped, or a name for many: `keys`, `uids`) or a number (a range's bound). */
function picksCount(context: RuleContext, argument: TSESTree.Node, depth = 0): boolean {
  const value = unwrapExpression(argument);
  if (value.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'number';
  if (value.type === AST_NODE_TYPES.UnaryExpression) return value.operator === '-' && picksCount(context, value.argument, depth);
  if (value.type === AST_NODE_TYPES.CallExpression)
    return value.callee.type === AST_NODE_TYPES.MemberExpression && LIST_MAKERS.has(propertyName(value.callee) ?? '');
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, value)?.defs[0];
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  if (init && depth < 2 && picksCount(context, init, depth + 1)) return true;
  return MANY_NAME.test(value.name);
}

/** Methods that make a list from another: `ids.map(...)`, `rows.filter(...)`, `Array.from(...)`. */
const LIST_MAKERS: ReadonlySet<string> = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'from', 'keys', 'values']);
/** A name for many things: `keys`, `uids`, `postIds`, `idList` (not `status`, `address`, `analysis`). */
const MANY_NAME = /(?:[^su]s|List|Ids|Keys)$/;

const GROUP_BY = /\bGROUP\s+BY\b/i;

/** `findAll({ group: ['currency'] })`, `SELECT currency, SUM(amount) … GROUP BY currency`: one row per group, as few as the groups. */
function groupsRows(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): boolean {
  const texts = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? [node.quasi] : node.arguments;
  return texts.some(
    (argument) =>
      (argument.type === AST_NODE_TYPES.ObjectExpression &&
        argument.properties.some((property) => property.type === AST_NODE_TYPES.Property && keyName(property) === 'group')) ||
      (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' && GROUP_BY.test(argument.value)) ||
      (argument.type === AST_NODE_TYPES.TemplateLiteral && argument.quasis.some((quasi) => GROUP_BY.test(quasi.value.raw))),
  );
}

/**
 * A handler's input parameter: one a decorator fills from the request (`@Body() dto`), one typed as a request's
 * data (`input: CreateItemsDto`), or the `input` a tRPC procedure is handed (`.mutation(({ input }) => …)`).
 */
function parameterOrigin(context: RuleContext, name: TSESTree.Identifier, fn: TSESTree.Node): ListOrigin | undefined {
  if (!isFunction(fn)) return undefined;
  const parameter = fn.params.find(
    (candidate) => candidate === name || (candidate.type === AST_NODE_TYPES.TSParameterProperty && candidate.parameter === name),
  );
  if (parameter) {
    const decorators = (parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.decorators : (parameter as TSESTree.Identifier).decorators) ?? [];
    if (decorators.some((decorator) => INPUT_DECORATORS.test(calleeName(decorator.expression) ?? ''))) return REQUEST_INPUT;
    const annotation = name.typeAnnotation?.typeAnnotation;
    const typeName = annotation && inputTypeName(annotation);
    if (typeName && INPUT_TYPES.test(typeName) && !/^(?:Request|FastifyRequest|NextRequest|IncomingMessage)$/.test(typeName)) return REQUEST_INPUT;
    return undefined;
  }
  // `({ input }) => …` handed to a procedure's `.query` / `.mutation`.
  const property = name.parent;
  const pattern = property?.parent;
  if (
    property?.type === AST_NODE_TYPES.Property &&
    keyName(property) === 'input' &&
    pattern?.type === AST_NODE_TYPES.ObjectPattern &&
    fn.params[0] === pattern &&
    fn.parent?.type === AST_NODE_TYPES.CallExpression &&
    PROCEDURE_METHODS.test(calleeName(fn.parent) ?? '')
  )
    return REQUEST_INPUT;
  return undefined;
}

/** `CreateItemsDto` of `dto: CreateItemsDto` or `items: ItemDto[]`. */
function inputTypeName(type: TSESTree.TypeNode): string | undefined {
  if (type.type === AST_NODE_TYPES.TSArrayType) return inputTypeName(type.elementType);
  return typeReferenceName(type);
}

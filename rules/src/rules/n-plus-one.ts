import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import {
  changesSchema,
  sendsSchemaStatement,
  formattedSql,
  isRawStatement,
  lazyRelationOf,
  queryCallOf,
  pgPromiseHelperWrite,
  quotedCode,
  rawFragments,
  readsSameRowsPerItem,
  taggedQueryOf,
  type QueryMatch,
  type SqlWrite,
} from '../analysis/queries';
import {
  constValueOf,
  declaredReturnType,
  isGlobalReference,
  keyName,
  localFunction,
  propertyName,
  resolveModuleMember,
  resolveVariable,
  typeWrapped,
  unwrapExpression,
} from '../analysis/resolve';
import { siblingStatic } from '../analysis/mongoose-schemas';
import { awaitSequentialReason, loopSequentialReason, loopShapeReason, usesRepeatedValuePerItem, type SequentialReason } from '../analysis/sequential';
import { declaredInFunctionOf, loopFacts, memberMutation, readsAny, readsThreaded, reloadsSameRow, type Slot } from '../analysis/loop-facts';
import { conditionOf, queriesAfterOtherWork, slotsDerivedFrom, waitsOnOtherWork } from '../analysis/other-work';
import {
  exitsLoop,
  iteratesBatches,
  iteratesItemsOfBatch,
  iteratesOrderedWork,
  commentExplainsPerItemStatements,
  iteratesStream,
  mapsBatches,
  reportsProgress,
  runsForOneItem,
  unchangedConstValue,
} from '../analysis/loop-patterns';
import {
  arrayCallbackCall,
  contains,
  enclosingFunction,
  enclosingIteration,
  enclosingLoop,
  isFunction,
  isLoopStatement,
  iterationScope,
  type FunctionNode,
  type Iteration,
  type LoopStatement,
} from '../analysis/scopes';
import { hoistedLookupFix } from '../fixes/hoist-lookup';
import { databaseInReach } from '../analysis/database-reach';
import { documentKey, meteorBatch, waterlineBatch } from '../analysis/framework-models';
import { itemCallbackList } from '../analysis/item-callbacks';
import { runsOnItemDatabase } from '../analysis/item-databases';
import { readsPassPage } from '../analysis/pass-pages';
import { notAwaitedPerItem, onPipeliningClient } from '../analysis/redis-pipelines';
import { handedReferences } from '../analysis/handed-references';
import { limiterRunOf } from '../analysis/limiters';
import { chainedCallbackIteration, pushedTaskIteration, sequencedTaskIteration } from '../analysis/promise-chains';
import { visitAll, visitWithinFunction } from '../analysis/visit';
import { namesComponentList, runsOnlyAtBoot } from '../analysis/startup';
import { awaitsOnFirstTurnOnly, calledFunctionHas } from '../analysis/await-patterns';
import { handlesFailure, recordsFailurePerItem, retriesFailedItems } from '../analysis/failure-paths';
import { takesTopRows } from '../analysis/top-rows';
import { ormValueOf, projectModels } from '../analysis/orm';
import { isSortedList, locksRows } from '../analysis/row-locks';
import { callChainTop, calleeChainNames, calleeName, CODE_CONSTANT_NAME, nextChainCall, patternNames } from '../analysis/names';
import {
  COLLECTION_VIEWS,
  isCappedSlice,
  isConfigured,
  isFixedField,
  isImportedFixedList,
  keysOfFixedObject,
  returnsFixedLiteral,
  subsetSourceOf,
} from '../analysis/fixed-lists';
import { fewFromEveryCaller } from '../analysis/caller-lists';
import { alwaysLeaves, statedLengthCap } from '../analysis/length-caps';
import { lookupFunction, type QuerySite, type WriteFact } from '../analysis/orm-index';
import {
  assignsIn,
  awaitedValueOf,
  claimsRowPerItem,
  itemComparisonOf,
  queryShapeOf,
  readsIteration,
  type ItemComparison,
  type QueryShape,
} from '../analysis/query-shape';
import { filterColumn, itemFilterColumn, onlyKey, whereOption } from '../analysis/filter-column';
import { BUILDER_WRITES, OBJECTION_WRITE_STEPS, sendsSqlText, sqlArgumentOf, sqlTextOf } from '../analysis/query-kinds';
import { rowStatementPerItem, type RowStatement } from '../analysis/row-statements';
import { contextRole } from '../roles';
import type { RuleContext, Rule } from '../types';
import { dispatchedClass } from '../project-model/summaries';
import { fieldResolverOf, onlyForRequester, pagesByArguments, parentComesInList, parentKeyRead, readsFieldArguments } from '../analysis/field-resolvers';
import { loadsThroughBatchLoader } from '../analysis/batch-loaders';

/** The column a repeated query looks rows up by (`authorId` of `{ where: { authorId } }`, `list` of a callee's `where({ list })`), when the code names it. */
function namedColumn(match: QueryMatch): string | undefined {
  return (match.site ? match.site.keyColumn : (match.keyColumn ?? filterColumn(match))) ?? handedFilterKey(match);
}

/** The column a repeated query looks rows up by, `id` when unclear. */
function lookupColumn(match: QueryMatch): string {
  const mongo = match.library === 'mongoose' || match.library === 'mongodb' || match.library === 'meteor';
  return namedColumn(match) ?? (mongo ? '_id' : 'id');
}

/** `WHERE id` (and `CASE id`) of SQL advice said with the column the statement filters on (`WHERE domain IN (?)`), where the code names it. */
function sqlKeyed(advice: string, match: QueryMatch): string {
  const column = namedColumn(match);
  return column === undefined ? advice : advice.replace(/\b(WHERE|CASE) id\b/g, `$1 ${column}`);
}

/** A builder step that counts the rows it selects: Knex's and Objection's `count`, `countDistinct`. */
const COUNT_STEP = /^count(?:Distinct)?$/;

/** `knex('votes').where('post_id', post.id).count('id as count')`: a builder chain that counts the rows it selects. */
function countsRows(call: TSESTree.Node): boolean {
  for (let step = nextChainCall(call); step; step = nextChainCall(step))
    if (COUNT_STEP.test(propertyName(step.callee as TSESTree.MemberExpression) ?? '')) return true;
  return false;
}

/** `Document.count({ workspaceId: workspace.id })` of a method that reads with the filter it is handed: the one key the call writes. */
function handedFilterKey(match: QueryMatch): string | undefined {
  const reachesQuery = match.site !== undefined || match.wrapper === true;
  return reachesQuery && match.kind === 'read' && match.call.type === AST_NODE_TYPES.CallExpression ? onlyKey(match.call.arguments[0]) : undefined;
}

/** What a write does to each item, by its method name: the batched form differs for each. */
export function writeOperation(operation: string): 'create' | 'update' | 'delete' {
  if (
    /^(?:delete|del|destroy|remove|softDelete|softRemove|nativeDelete|unlink|srem|sRem|zrem|zRem|hdel|hDel|deleteFrom|findOneAndDelete|findByIdAndDelete)/.test(
      operation,
    )
  )
    return 'delete';
  if (
    /^(?:create|insert|save|bulkCreate|nativeInsert|insertInto|insertOne|insertMany|sadd|sAdd|zadd|zAdd|lpush|lPush|rpush|rPush|publish|findOrCreate)/.test(
      operation,
    )
  )
    return 'create';
  return 'update';
}

/** A multi-document update whose filter is the same for every item, the item only in its modifier (`$pull: { members: memberId }`). */
const SAME_DOCUMENTS_ONCE =
  "Every item changes the same documents: update them once, every item's value in the modifier ($pull: { field: { $in: values } }, $addToSet with $each).";

/** A MongoDB read that counts what it matches: `find(filter).countAsync()`, `find(filter).count()`. */
function countsDocuments(match: QueryMatch): boolean {
  const next = match.site ? undefined : nextChainCall(match.call);
  return !!next && /^count(?:Async|Documents)?$/.test(propertyName(next.callee as TSESTree.MemberExpression) ?? '');
}

/** `createQueryBuilder().relation('tags').of(post).add(id)`: the join rows of a relation, written or read by the query builder's own operation. */
function runsRelationBuilder(match: QueryMatch): boolean {
  if (match.operation === 'createQueryBuilder' || BUILDER_WRITES.has(match.operation)) return false;
  // A function of the project whose query this is: the builder call its site names.
  if (match.site) return /\bcreateQueryBuilder$/.test(match.site.text);
  const callee = match.call.type === AST_NODE_TYPES.CallExpression ? match.call.callee : undefined;
  return callee?.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'createQueryBuilder';
}

/** An insert or update per item that inserts the rows that are missing: one insert of every row with the conflict clause does them all. */
const UPSERT_ROWS = 'Upsert them in one statement';

/** One statement that gives each row its own values, where a query builder has no bulk update of its own. */
const VALUES_UPDATE = 'one UPDATE … FROM (VALUES …) statement';

/** The same through Sequelize, or one update over the ids for each value when the rows share a few. */
const SEQUELIZE_VALUES_UPDATE =
  'one UPDATE … SET column = CASE id WHEN … THEN … END through sequelize.query(), or one update(changes, { where: { id: { [Op.in]: ids } } }) per distinct value';

/** Writes that add to a column of the rows they match (`increment('count', 1)`): one statement adds to every row it matches. */
const COUNTERS: ReadonlySet<string> = new Set(['increment', 'decrement']);

/** The advice for a counter changed per item: one statement over the rows, grouped by row where a row repeats. */
function counterBatch(statement: string): string {
  return `Change them in one statement: ${statement} over the items' rows; where a row repeats, group the items by row and add each row's total once.`;
}

/** The advice for a counter changed per item by the item's own amount: one step for every row cannot carry the amounts. */
const OWN_AMOUNT_COUNTERS =
  "Each row changes by its own amount, which one increment(column, step) over the ids cannot carry: change them in one statement that does, UPDATE … SET column = column + CASE id WHEN … THEN … END WHERE id IN (…) through knex.raw, with each row's items added up first.";

/** `.where('id', row.id).increment('total', row.amount)`: the amount of a counter step, when it is not a constant number. */
function ownCounterAmount(context: RuleContext, match: QueryMatch): boolean {
  for (let node: TSESTree.Node | undefined = callChainTop(match.call); node?.type === AST_NODE_TYPES.CallExpression;) {
    const callee: TSESTree.Expression = node.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    if (COUNTERS.has(propertyName(callee) ?? '')) {
      const amount = node.arguments[1] && constValueOf(context, node.arguments[1]);
      return node.arguments[1] !== undefined && !(amount?.type === AST_NODE_TYPES.Literal && typeof amount.value === 'number');
    }
    node = callee.object;
  }
  return false;
}

/** The advice for a counter of one row changed by every item: the items add up to one change. */
const ONE_COUNTER_CHANGE = "Every item changes the same row's counter: change it once, after the loop, by the items' total (increment(column, n)).";

/** SQL databases whose driver a package names, for advice whose statement differs between them. */
const MYSQL_DRIVERS = ['mysql', 'mysql2', 'mariadb', '@planetscale/database'];
const POSTGRES_DRIVERS = ['pg', 'postgres', 'pg-promise', 'slonik', '@neondatabase/serverless', '@vercel/postgres'];
const POSTGRES_LIBRARIES: ReadonlySet<QueryMatch['library']> = new Set(['pg', 'postgres', 'pg-promise', 'slonik', 'neon']);

/** Which SQL database a query runs on: by its library, else by the drivers its package depends on; undefined when both or neither. */
function sqlDialect(context: RuleContext, library: QueryMatch['library']): 'postgres' | 'mysql' | undefined {
  if (POSTGRES_LIBRARIES.has(library)) return 'postgres';
  if (library === 'mysql2') return 'mysql';
  const dependencies = context.options.project.dependencies;
  const mysql = MYSQL_DRIVERS.some((name) => dependencies.has(name));
  const postgres = POSTGRES_DRIVERS.some((name) => dependencies.has(name));
  return mysql === postgres ? undefined : mysql ? 'mysql' : 'postgres';
}

/** The one statement that gives each row its own values on MySQL, which has no UPDATE … FROM. */
const MYSQL_VALUES_UPDATE = 'one INSERT … ON DUPLICATE KEY UPDATE statement (or UPDATE … SET column = CASE id WHEN … END)';
/** The same, where the database is not known. */
const ANY_VALUES_UPDATE =
  'one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL)';

/** Objection's insert of an array of rows, one statement on PostgreSQL only. */
const OBJECTION_ARRAY_INSERT = 'query().insert(rows) with the array of rows (PostgreSQL), or insertGraph(rows)';
/** The same on MySQL, SQLite and the others: the Knex builder of the model's table inserts an array in one statement on every database. */
const KNEX_ARRAY_INSERT =
  "Model.knexQuery().insert(rows), Knex's insert of the array on the model's table (Objection's query().insert(rows) takes an array on PostgreSQL only)";

const OBJECTION_NEW_ROWS = 'query().insert(rows) with the array of new rows';
const KNEX_NEW_ROWS = 'Model.knexQuery().insert(rows) with the array of new rows';

/** Advice that names PostgreSQL's per-row update or array insert, said for the database the query runs on. */
function forDialect(advice: string, dialect: 'postgres' | 'mysql' | undefined): string {
  if (dialect === 'postgres') return advice;
  if (dialect === 'mysql') advice = advice.replace(OBJECTION_ARRAY_INSERT, KNEX_ARRAY_INSERT).replace(OBJECTION_NEW_ROWS, KNEX_NEW_ROWS);
  if (!advice.includes(VALUES_UPDATE)) return advice;
  return advice.replace(VALUES_UPDATE, dialect === 'mysql' ? MYSQL_VALUES_UPDATE : ANY_VALUES_UPDATE);
}

/**
 * The batched form of a repeated query, in the library's own API: one read, one create, one update or delete over the ids;
 * with the query's shape, when it is known, the form that keeps what each row gets.
 */
function batchedForm(match: QueryMatch, shape?: QueryShape, compares?: ItemComparison, ownAmount = false): string {
  const advice = libraryBatch(match, shape, compares, ownAmount);
  // Advice on the first rows of an order already names the column it partitions by.
  return match.kind === 'read' && (match.site ?? match).topRows ? advice : sqlKeyed(advice, match);
}

/** The batched form in the library's API, before SQL advice is said with the query's own column. */
function libraryBatch(match: QueryMatch, shape?: QueryShape, compares?: ItemComparison, ownAmount = false): string {
  const receiver = match.site ? 'the query' : (match.receiver ?? (match.model ? `prisma.${match.model}` : 'prisma.<model>'));
  const relation = match.operation;
  const column = lookupColumn(match);
  const statement = match.statement ?? match.site?.statement;
  if (statement) return sqlWriteBatch(match, statement);
  // A search engine's query is a JSON body, not SQL: its multi-document requests are the batched form whatever it filters on.
  if (match.library === 'elasticsearch' || match.library === 'opensearch') return searchEngineBatch(match);
  if (match.library === 'meilisearch') return meilisearchBatch(match.operation);
  if (match.library === 'algolia') return algoliaBatch(match.operation);
  if (match.kind === 'read' && (match.site ?? match).topRows) return topRowsBatch(match.library, namedColumn(match));
  const write = match.kind === 'write' ? writeOperation(match.operation) : undefined;
  // `status: failed ? 'failed' : 'skipped'`: the rows share a few values, an update over the ids for each.
  if (write === 'update' && shape?.fewValues) {
    const same = batchedForm(match, { ...shape, perRow: false, fewValues: undefined }, compares, ownAmount);
    const grouped = same.replace(
      /^Update them in one (statement|call)/,
      'Each row gets one of a few values: group the items by value, and update each group in one $1',
    );
    if (grouped !== same) return grouped;
  }
  if (compares === 'pairs' && match.library !== 'prisma' && write !== 'create' && match.kind !== 'relation' && !(write && shape?.perRow))
    return pairsBatch(match, write);
  if (compares && compares !== 'pairs' && match.kind === 'read') return comparisonBatch(match, compares);
  // A function whose query filters on several of its inputs (`findOne({ accountId, teamId })`): no one column to batch by.
  if (!compares && match.kind === 'read' && (match.site ?? match).severalColumns && !/^count/.test(match.operation) && !handedFilterKey(match))
    return pairsBatch(match, undefined, 'several columns');
  const row = match.row ?? match.site?.row;
  // `$queryRaw\`...\`` binds what it embeds as parameters, an array included.
  if (match.library === 'prisma' && (match.operation === '$queryRaw' || match.operation === '$executeRaw'))
    return 'Run one statement for all items: WHERE id = ANY(${ids}) on PostgreSQL, or WHERE id IN (${Prisma.join(ids)}).';
  if (isKyselyTemplate(match)) return `Run one statement for all items: ${KYSELY_TEMPLATE_IDS}.`;
  if (
    (match.operation === 'query' && (match.library === 'sequelize' || match.library === 'typeorm')) ||
    (match.library === 'prisma' && /^\$(?:query|execute)Raw/.test(match.operation))
  ) {
    return 'Run one SQL statement for all items: WHERE id IN (...) with the array of ids.';
  }
  switch (match.library) {
    case 'prisma':
      return prismaBatch(match, column, write, receiver, shape);
    case 'typeorm':
      if (match.kind === 'relation' || match.site?.relation)
        return `Load ${relation} with the items instead: relations: { ${relation}: true } or leftJoinAndSelect.`;
      if (row) return activeRecordRow(match.model ?? 'Entity', match.operation, match.saves ?? match.site?.saves);
      if (runsRelationBuilder(match))
        return write
          ? `Change them in one statement: relation(...).of(entity).${match.operation}(ids) takes every id at once, and of() takes several entities.`
          : 'Load the relation with the items in one query: relations, or leftJoinAndSelect where the items are loaded.';
      if (match.operation === 'createQueryBuilder')
        return `Load them in one query: .where('${namedColumn(match) ?? 'alias.id'} IN (:...ids)', { ids }), or leftJoinAndSelect the relation where the items are loaded.`;
      if (match.operation.startsWith('count'))
        return `Count them in one query grouped by ${column}: createQueryBuilder().select('${column}').addSelect('COUNT(*)', 'count').where('${column} IN (:...ids)', { ids }).groupBy('${column}').`;
      if (match.operation === 'save') return typeormSave(match.saves ?? match.site?.saves);
      if (match.operation === 'upsert') return 'Upsert them in one statement: upsert([...rows], [conflict columns]).';
      if (write === 'create') return 'Insert them in one statement: insert([...]) or save([...]) with every row.';
      if (write === 'delete') return `Delete them in one statement: delete(${typeormIds(match)})${typeormIds(match) === TYPEORM_IDS ? ' or delete(ids)' : ''}.`;
      // save([...]) runs one UPDATE per changed row, in one transaction: no fewer statements.
      if (write && shape?.perRow) return `${ownData('update()')} (save([...]) still sends one UPDATE per row): ${VALUES_UPDATE} through query().`;
      if (write && shape?.perRow === false) return `Update them in one statement: update(${typeormIds(match)}, changes).`;
      if (write) return `Update them in one statement: ${typeormRowsUpdate(`update(${typeormIds(match)}, changes)`)}.`;
      return `Load them in one query: findBy({ ${column}: In(ids) }), or load the relation with the items (relations, leftJoinAndSelect).`;
    case 'sequelize':
      if (match.kind === 'relation') return 'Include the association in the query that loaded the items.';
      if (match.operation === 'count') return `Count them in one query: count({ where: { ${column}: { [Op.in]: ids } }, group: ['${column}'] }).`;
      if (row && write) return rowWrite(match.model ?? 'Model', match.operation, write);
      if (match.operation === 'upsert') return 'Upsert them in one statement: bulkCreate(rows, { updateOnDuplicate: [...] }).';
      if (/^find(?:OrCreate|CreateFind)/.test(match.operation))
        return `Load the existing rows in one findAll({ where: { ${column}: { [Op.in]: ids } } }), then bulkCreate([...]) the missing ones.`;
      if (write === 'create') return 'Create them in one statement: bulkCreate([...]).';
      if (write === 'delete') return 'Delete them in one statement: destroy({ where: { id: { [Op.in]: ids } } }).';
      // bulkCreate with updateOnDuplicate inserts first: rows holding only the id and the changed column break NOT NULL columns.
      if (write && shape?.perRow) return `${ownData('update()')}: ${SEQUELIZE_VALUES_UPDATE}.`;
      if (write && shape?.perRow === false) return 'Update them in one statement: update(changes, { where: { id: { [Op.in]: ids } } }).';
      if (write)
        return 'Update them in one statement: update(changes, { where: { id: { [Op.in]: ids } } }), or bulkCreate(rows, { updateOnDuplicate: [...] }) when each row gets different data.';
      return `Load them in one query: findAll({ where: { ${column}: { [Op.in]: ids } } }), or include the association in the query that loaded the items.`;
    case 'mongoose':
    case 'mongodb':
      if (match.kind === 'relation') return 'Call .populate() on the query that loaded the items, or Model.populate(docs, path) once.';
      if (match.operation === 'countDocuments' || match.operation === 'count' || countsDocuments(match))
        return `Count them in one query: aggregate([{ $match: { ${documentKey(column)}: { $in: ids } } }, { $group: { _id: '$${column}', count: { $sum: 1 } } }]).`;
      if (write === 'create') return 'Insert them in one call: insertMany([...]).';
      if (shape?.upserts) return `Upsert them in one call: ${MONGO_UPSERTS}.`;
      if (write === 'update' && shape?.sameDocuments) return SAME_DOCUMENTS_ONCE;
      if (write === 'update' && shape?.sameRow)
        return "Every item updates the same document: update it once after the loop, with every item's values ($addToSet: { field: { $each: values } }, $pullAll, $set).";
      // `deleteOne({ userId })`: the batch takes the values of the field the write filters on.
      if (write === 'delete') return `Delete them in one call: deleteMany({ ${documentKey(column)}: { $in: ids } }), or bulkWrite([...]).`;
      if (write && shape?.perRow) return `${ownData('updateMany', 'document')}: send them in one bulkWrite([{ updateOne: { filter, update } }, …]).`;
      if (write && shape?.perRow === false) return `Update them in one call: updateMany({ ${documentKey(column)}: { $in: ids } }, changes).`;
      if (write)
        return `Update them in one call: updateMany({ ${documentKey(column)}: { $in: ids } }, changes), or bulkWrite([...]) when each gets different changes.`;
      return `Load them in one query: find({ ${documentKey(column)}: { $in: ids } })${match.library === 'mongoose' ? ', or .populate() on the query that loaded the items' : ''}.`;
    case 'mikro-orm':
      if (match.kind === 'relation') return 'Populate the relation where the items are loaded, or call em.populate(items, [...]) once before the loop.';
      if (match.operation === 'upsert') return 'Upsert them in one statement: em.upsertMany(Entity, rows).';
      if (write === 'create') return 'Insert them in one statement: em.insertMany(Entity, rows), or persist them all and flush once.';
      if (write === 'delete') return 'Delete them in one statement: em.nativeDelete(Entity, { id: { $in: ids } }).';
      if (write && shape?.perRow) return `${ownData('nativeUpdate')}: change the loaded entities and flush once (one batched update).`;
      if (write && shape?.perRow === false) return 'Update them in one statement: em.nativeUpdate(Entity, { id: { $in: ids } }, changes).';
      if (write)
        return 'Update them in one statement: em.nativeUpdate(Entity, { id: { $in: ids } }, changes), or change the loaded entities and flush once (one batched update) when each row gets different data.';
      return 'Load them in one query: em.find(Entity, { id: { $in: ids } }), or populate the relation where the items are loaded.';
    case 'objection':
      return objectionBatch(match, ownAmount);
    case 'drizzle':
      if (shape?.upserts) return `${UPSERT_ROWS}: db.insert(table).values(rows) with the same conflict clause, its set taking each row's excluded.column.`;
      if (write === 'create') return 'Insert them in one statement: db.insert(table).values(rows).';
      if (write === 'delete') return 'Delete them in one statement with where(inArray(table.id, ids)).';
      if (write && shape?.perRow) return `${ownData('one update over the ids')}: write them in ${VALUES_UPDATE}.`;
      if (write && shape?.perRow === false) return 'Update them in one statement with where(inArray(table.id, ids)).';
      if (write) return `Update them in one statement with where(inArray(table.id, ids)), or ${VALUES_UPDATE} when each row gets different data.`;
      return 'Load them in one query with inArray(column, ids), or load relations with with in db.query.';
    case 'knex': {
      const whereIn = `whereIn('${column}', ids)`;
      if (shape?.upserts) return `${UPSERT_ROWS}: knex('table').insert(rows).onConflict(key).merge() with every row.`;
      if (write === 'create') return "Insert them in one statement: knex('table').insert(rows).";
      if (write === 'delete') return `Delete them in one statement with ${whereIn}.`;
      if (COUNTERS.has(match.operation)) return ownAmount ? OWN_AMOUNT_COUNTERS : counterBatch(`${whereIn}.${match.operation}(column, step)`);
      if (write && shape?.perRow) return `${ownData('one update over the ids')}: write them in ${VALUES_UPDATE}.`;
      if (write && shape?.perRow === false) return `Update them in one statement with ${whereIn}.`;
      if (write) return `Update them in one statement with ${whereIn}, or ${VALUES_UPDATE} when each row gets different data.`;
      if (COUNT_STEP.test(match.site?.operation ?? match.operation) || (!match.site && countsRows(match.call)))
        return `Count them in one query grouped by ${column}: ${whereIn}.groupBy('${column}').select('${column}').count().`;
      return `Load them in one query with ${whereIn}.`;
    }
    case 'kysely':
      if (shape?.upserts) return `${UPSERT_ROWS}: insertInto(table).values(rows) with the same onConflict, its doUpdateSet taking each row's excluded.column.`;
      if (write === 'create') return 'Insert them in one statement: insertInto(table).values(rows).';
      if (write === 'delete') return "Delete them in one statement with where('id', 'in', ids).";
      if (write && shape?.perRow) return `${ownData('one update over the ids')}: write them in ${VALUES_UPDATE}.`;
      if (write && shape?.perRow === false) return "Update them in one statement with where('id', 'in', ids).";
      if (write) return `Update them in one statement with where('id', 'in', ids), or ${VALUES_UPDATE} when each row gets different data.`;
      return "Load them in one query with where('id', 'in', ids).";
    case 'pg':
      return 'Run one query for all items: WHERE id = ANY($1) with the array of ids.';
    case 'slonik':
      return 'Run one query for all items: WHERE id = ANY(${sql.array(ids, idType)}) with the array of ids.';
    case 'postgres':
      return 'Run one query for all items: WHERE id IN ${sql(ids)}, or WHERE id = ANY(${ids}) with the array of ids.';
    case 'pg-promise':
      return 'Run one query for all items: WHERE id IN ($1:csv), or WHERE id = ANY($1) with the array of ids.';
    case 'mysql2':
      return 'Run one query for all items: WHERE id IN (?) with the array of ids.';
    case 'neon':
      return `Run one query for all items: WHERE id = ANY(${neonTemplate(match) ? '${ids}' : '$1'}) with the array of ids.`;
    case 'libsql':
    case 'd1':
      return `Run one query for all items: WHERE id IN (?, ?, …) with a placeholder per id, or send the statements in one ${oneBatch(match)}.`;
    case 'clickhouse':
      if (match.operation === 'insert') return CLICKHOUSE_INSERT;
      return 'Run one query for all items: WHERE id IN {ids:Array(String)} with the ids in query_params, grouped by the id.';
    case 'redis':
      return hashTaggedKey(match) ? CROSS_SLOT : redisBatch(match.operation, match.kind === 'write');
    case 'payload':
      return payloadBatch(match, write, shape);
    case 'redbean':
      return redbeanBatch(match.operation, match.saves ?? match.site?.saves, column);
    case 'waterline':
      return waterlineBatch(match.operation, write);
    case 'meteor':
      return write === 'update' && shape?.sameDocuments ? SAME_DOCUMENTS_ONCE : meteorBatch(match.operation, column, countsDocuments(match));
    case 'supabase':
      return supabaseBatch(match, column, shape);
    case 'bullmq':
      return `Add them in one call: ${ownReceiver(match, 'queue')}.addBulk([{ name, data }, …]) with every job, one round trip.`;
    case 'bee-queue':
      return `Save them in one call: ${ownReceiver(match, 'queue')}.saveAll(jobs) with every job createJob made.`;
    case 'pg-boss':
      return `Send them in one call: ${ownReceiver(match, 'boss')}.insert([{ name, data }, …]) with every job, one statement.`;
    case 'dynamodb':
      return dynamoBatch(match.operation);
    case 'dynamodb-toolbox':
      return toolboxBatch(match.operation);
    // A Fastify instance runs no query itself: the handles its decorators hold do, each under its own library.
    case 'fastify':
      return 'Load them in one query.';
  }
}

/** dynamodb-toolbox's batched form of an entity's or table's request: the table's batch request over the entity's batch items. */
function toolboxBatch(operation: string): string {
  switch (operation) {
    case 'get':
      return 'Read them in one request: table.batchGet(keys.map((key) => entity.getBatch(key))), up to 100 keys per call.';
    case 'put':
    case 'delete':
      return `Write them in one request: table.batchWrite(items.map((item) => entity.${operation}Batch(item))), up to 25 items per call.`;
    case 'update':
      return 'Write them in one request: table.transactWrite with each entity.updateTransaction(item), or run them with bounded concurrency.';
    case 'batchGet':
    case 'batchWrite':
      return `Gather every iteration's items into one table.${operation} call, split into chunks of the request's limit only.`;
    case 'scan':
      return 'Each Scan reads the whole table: scan once before the loop and group the items by key.';
    default:
      return dynamoBatch(operation);
  }
}

/**
 * DynamoDB's batched form of a request, in the style it was written: a command of the low-level client (`GetItemCommand`), of
 * lib-dynamodb's document client (`GetCommand`), or a method (`getItem`, `get`).
 */
function dynamoBatch(operation: string): string {
  const request = operation.replace(/Command$/, '');
  const command = request !== operation;
  const low = /Item$/.test(request);
  const named = (batched: string): string =>
    command ? `${batched}${low ? 'Item' : ''}Command` : `${batched[0]!.toLowerCase()}${batched.slice(1)}${low ? 'Item' : ''}`;
  const transact = command ? `TransactWrite${low ? 'Items' : ''}Command` : `transactWrite${low ? 'Items' : ''}`;
  switch (request.replace(/Item$/, '').toLowerCase()) {
    case 'get':
      return `Read them in one request: ${named('BatchGet')} with up to 100 keys per call.`;
    case 'query':
      return 'DynamoDB has no batched Query: run them concurrently with a bound (a DataLoader batch), use BatchGet when each is one key, or key an index so one Query returns every item.';
    case 'update':
      return `Write them in one request: ${transact} with up to 100 updates, or run them with bounded concurrency.`;
    default:
      return `Write them in one request: ${named('BatchWrite')} with up to 25 items per call, or ${transact} when they must succeed together.`;
  }
}

/** Requests about indices (`client.indices.getAlias`), each of which takes a list of indices in one request. */
const SEARCH_INDEX_READS: ReadonlySet<string> = new Set(['getAlias', 'getMapping', 'getSettings', 'stats']);

/** Elasticsearch's and OpenSearch's multi-document form of a request: `mget` for reads by id, `msearch` for queries, `bulk` for writes. */
function searchEngineBatch(match: QueryMatch): string {
  if (SEARCH_INDEX_READS.has(match.operation))
    return `Read them in one request: ${ownReceiver(match, 'client.indices')}.${match.operation}({ index: names }) with every item's index.`;
  const client = ownReceiver(match, 'client');
  if (match.kind === 'write') return `Write them in one request: ${client}.bulk with one ${match.operation} action per document.`;
  if (match.operation === 'search' || match.operation === 'count')
    return `Run them in one request: ${client}.msearch with one header and query per item, or one query with a terms filter on every item's value.`;
  return `Read them in one request: ${client}.mget({ index, ids }) with every item's id.`;
}

/** A Meilisearch index's form of a request that takes every item: one task or one request. */
function meilisearchBatch(operation: string): string {
  switch (operation) {
    case 'getDocument':
      return "Read them in one request: getDocuments({ filter: 'id IN [...]' }) with every item's id.";
    case 'search':
      return 'Run them in one request: client.multiSearch({ queries }) with one query per item.';
    case 'deleteDocument':
      return "Delete them in one task: deleteDocuments(ids) with every item's id.";
    default:
      return `Send them in one task: ${operation}(documents) with every item's document.`;
  }
}

/** Algolia's form of a record request that takes every item: the plural method of v4's index and v5's client. */
function algoliaBatch(operation: string): string {
  switch (operation) {
    case 'getObject':
      return "Read them in one request: getObjects with every item's objectID.";
    case 'search':
    case 'searchSingleIndex':
      return 'Run them in one request: one multi-query search with a query per item (multipleQueries in v4, search({ requests }) in v5).';
    case 'deleteObject':
      return "Delete them in one request: deleteObjects with every item's objectID.";
    case 'partialUpdateObject':
      return "Update them in one request: partialUpdateObjects with every item's changes.";
    default:
      return "Save them in one request: saveObjects with every item's record.";
  }
}

/** The queue or client a request goes through, as the loop names it: the receiver of the call itself, else a generic name. */
function ownReceiver(match: QueryMatch, generic: string): string {
  const callee = match.call.type === AST_NODE_TYPES.CallExpression ? match.call.callee : undefined;
  const own = !match.site && callee?.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === match.operation;
  return own && match.receiver ? match.receiver : generic;
}

/** `select('*', { count: 'exact', head: true })`: a PostgREST request that counts the rows it selects. */
function countsSupabaseRows(call: TSESTree.Node): boolean {
  for (let step = nextChainCall(call); step; step = nextChainCall(step)) {
    if (propertyName(step.callee as TSESTree.MemberExpression) !== 'select') continue;
    const options = step.arguments[1];
    return (
      options?.type === AST_NODE_TYPES.ObjectExpression &&
      options.properties.some((property) => property.type === AST_NODE_TYPES.Property && keyName(property) === 'count')
    );
  }
  return false;
}

/** One PostgREST request over every item: `in(column, ids)` for a read, an update or a delete, an array for an insert or an upsert. */
function supabaseBatch(match: QueryMatch, column: string, shape?: QueryShape): string {
  const within = `.in('${column}', ids)`;
  switch (match.site ? undefined : match.operation) {
    case 'insert':
      return 'Insert them in one request: .insert(rows) with the array of every row.';
    case 'upsert':
      return 'Upsert them in one request: .upsert(rows) with the array of every row.';
    case 'delete':
      return `Delete them in one request: .delete()${within}.`;
    case 'update':
      if (shape?.perRow) return `${ownData(`.update(changes)${within}`)}: send them in one .upsert(rows), each row with its key and required columns.`;
      return `Update them in one request: .update(changes)${within}, or .upsert(rows) when each row gets different data.`;
    case 'select':
      if (countsSupabaseRows(match.call))
        return `Count them in one request: .select('${column}')${within} and count the rows per ${column}, or an rpc() that groups them.`;
      return `Load them in one request: .select()${within}.`;
    default:
      return match.kind === 'write'
        ? `Write them in one request: .update(changes)${within}, or .insert(rows) / .upsert(rows) with every row.`
        : `Load them in one request: .select()${within}.`;
  }
}

/** A window that numbers each key's rows in the query's order: the first N of every key in one query. */
/** The first rows of an order for each item's key (the column the query filters on, where named): no list of ids picks them, a window ranks every key's rows in one query. */
function topRowsBatch(library: QueryMatch['library'], key = 'key'): string {
  const first = 'Each item takes the first rows of an order, which no WHERE id IN picks: ';
  const ranked = `ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY …)`;
  switch (library) {
    case 'mongoose':
    case 'mongodb':
      return `${first}load them in one aggregate: $match the keys with $in, $sort, then $group by the key with $first, or $topN for several.`;
    case 'prisma':
      return `${first}rank them in one query with ${ranked} through $queryRaw, or groupBy({ by: [${key === 'key' ? key : `'${key}'`}], _max }) when the newest value is enough.`;
    case 'redbean':
      return `${first}rank them in one query with ${ranked} (R.getAll, or R.knex), or GROUP BY ${key} with MAX(…) for the newest row alone.`;
    default:
      return `${first}rank them in one query with ${ranked}, DISTINCT ON (${key}) on PostgreSQL for one row each, or GROUP BY ${key} with MAX(…).`;
  }
}

/** Each library's way to OR conditions in one query. */
const OR_FORMS: Partial<Record<QueryMatch['library'], string>> = {
  prisma: 'where: { OR: [...] }',
  drizzle: 'or(...)',
  typeorm: 'an array of where objects',
  sequelize: '[Op.or]: [...]',
  mongoose: '$or: [...] or one $regex alternation',
  mongodb: '$or: [...] or one $regex alternation',
  'mikro-orm': '$or: [...]',
  knex: 'orWhere for each',
  kysely: 'eb.or([...])',
};

/** A read whose rows each item selects by a pattern or a range: no list of keys names them, one query ORs the patterns or spans the ranges. */
function comparisonBatch(match: QueryMatch, compares: ItemComparison): string {
  if (compares === 'range')
    return /^count/.test(match.operation)
      ? 'Count them in one query over the whole range, grouped by the bucket each item stands for.'
      : 'Load them in one query over the whole range (lowest to highest bound), then give each item its rows in memory.';
  const orForm = OR_FORMS[match.library];
  return orForm
    ? `Match them in one query, the items' patterns joined with ${orForm}, then give each item its rows in memory.`
    : "Match them in one query, the items' patterns joined with OR (LIKE ANY($1) on PostgreSQL), then give each item its rows in memory.";
}

/** Each library's filter that selects the rows of many keys of two or more columns at once (`pairs`: one object of the key's columns per item). */
const PAIR_FILTERS: Partial<Record<QueryMatch['library'], string>> = {
  drizzle: 'or(...pairs.map((p) => and(eq(...), eq(...))))',
  knex: "whereIn(['a', 'b'], pairs)",
  kysely: 'eb.or over the pairs, each an eb.and',
  typeorm: 'an array of where objects, one per pair',
  sequelize: '{ [Op.or]: pairs }',
  mongoose: '{ $or: pairs }',
  mongodb: '{ $or: pairs }',
  'mikro-orm': '{ $or: pairs }',
  prisma: 'where: { OR: pairs }',
};

/** A query per item keyed by two or more columns: one list of ids cannot name the rows, the batched form matches every pair. */
function pairsBatch(match: QueryMatch, write: 'update' | 'delete' | undefined, columns = 'two columns'): string {
  // SQL written by hand (`repository.query(sql, values)`) matches the pairs in its own text, not through the library's filters.
  const handWritten = sendsSqlText(match.library, match.site?.operation ?? match.operation);
  const filter = (handWritten ? undefined : PAIR_FILTERS[match.library]) ?? 'WHERE (a, b) IN ((…), …)';
  if (write === 'delete') return `The rows are keyed by ${columns}: delete them in one statement matching every pair, ${filter}.`;
  if (write) return `The rows are keyed by ${columns}: update them in one statement matching every pair, ${filter}, when they get the same changes.`;
  return `The rows are keyed by ${columns}: load them in one query matching every pair, ${filter}.`;
}

/** Why a repeated write whose rows each get their own values has no single update over the ids: that form sets the same values on every row. */
function ownData(same: string, noun = 'row'): string {
  return `Each ${noun} gets its own values, which ${same} cannot set`;
}

/** A create with rows written through its relations: createMany writes one table's rows, with no nested writes. */
const NESTED_CREATE = 'createMany cannot write relations: createManyAndReturn the rows, then createMany their related rows with the returned ids.';

/** `collection.id` as `collection: { id }`, `labels:has` as `labels: { has }`: a key field as one item's filter writes it. */
function prismaFieldFilter(field: string, value?: string): string {
  const [name, inner] = field.split(/[.:]/);
  if (inner === undefined) return value ? `${name}: ${value}` : name!;
  return `${name}: { ${value ? `${inner}: ${value}` : inner} }`;
}

/**
 * The filter that names every item's rows: `id: { in: ids }` over the one field the item sets (`collection: { id: { in: ids } }`
 * through a relation), or an OR of each item's fields where it sets several, picks one of two filters, or filters a list.
 */
function prismaKeyFilter(shape: QueryShape | undefined, column: string): string {
  const fields = shape?.keyFields ?? [];
  const branches = shape?.keyBranches;
  const either = shape?.eitherFields;
  if (either) return `OR: [${either.map((field) => `{ ${prismaFieldFilter(field, '{ in: ids }')} }`).join(', ')}]`;
  if (branches) return `OR: [${branches.map((branch) => `{ ${[...fields, ...branch].map((field) => prismaFieldFilter(field)).join(', ')} }`).join(', ')}, …]`;
  if (fields.length >= 2 || fields[0]?.includes(':')) return `OR: [{ ${fields.map((field) => prismaFieldFilter(field)).join(', ')} }, …]`;
  return prismaFieldFilter(fields[0] ?? column, '{ in: ids }');
}

/** Prisma's batched form of a repeated query; with the query's shape, the one that keeps each row's values, relations and key. */
function prismaBatch(match: QueryMatch, column: string, write: 'create' | 'update' | 'delete' | undefined, receiver: string, shape?: QueryShape): string {
  const key = prismaKeyFilter(shape, column);
  // A write over every item's rows keeps the filters that are the same for all (`tagId: { in: tagIds }`), or it changes other rows.
  const rows = [key, ...(shape?.fixedFilters ?? []).map(quotedCode)].join(', ');
  const plainFields = shape?.keyFields.filter((field) => /^\w+$/.test(field));
  const compound = plainFields && plainFields.length >= 2 ? plainFields : undefined;
  // An interactive transaction already commits once, and its client cannot send a batch `$transaction([...])`.
  const orBatch = shape?.inTransaction ? '' : ', or one $transaction([...])';
  if (shape?.sameRow) return 'Every item writes the same row: merge the changes and write the row once, after the loop.';
  // A function of the project that runs the create is known by its site, whose data is not this call's.
  const nested = shape?.relations === 'nested' || match.site?.nested;
  if (match.operation === 'upsert') {
    if (nested) return NESTED_CREATE;
    if (shape?.createsOnly) return 'Create the missing rows in one statement: createMany({ data: rows, skipDuplicates: true }).';
    if (shape?.perRow) return `${ownData('updateMany')}: write them in one INSERT … ON CONFLICT DO UPDATE through $executeRaw${orBatch}.`;
    return `Write them in two statements: createMany({ data, skipDuplicates: true }) for the new rows and updateMany for the rest${shape?.inTransaction ? '' : ', or send the upserts as one $transaction([...])'}.`;
  }
  if (write === 'create') {
    if (match.operation.startsWith('createMany')) return "Create every item's rows in one createMany({ data: rows }), not one per item.";
    if (nested) return NESTED_CREATE;
    // `createManyAndReturn` hands back the rows the loop goes on to use; `skipDuplicates` keeps tolerating the rows that already exist.
    const method = shape?.usesCreated ? 'createManyAndReturn' : 'createMany';
    const options = shape?.toleratesDuplicates ? 'data: rows, skipDuplicates: true' : 'data: rows';
    if (shape?.relations === 'link') return `Create them in one statement: ${method}({ ${options} }), with foreign keys in place of connect.`;
    return `Create them in one statement: ${method}({ ${options} }).`;
  }
  if (write === 'delete') return `Delete them in one statement: deleteMany({ where: { ${rows} } }).`;
  if (write) {
    if (shape?.relations)
      return `updateMany cannot write relations: write the related or join rows in one statement on their table (createMany, deleteMany, $executeRaw)${orBatch}.`;
    if (shape?.perRow) return `${ownData('updateMany')}: write them in ${VALUES_UPDATE} through $executeRaw${orBatch}.`;
    if (shape?.perRow === false) return `Update them in one statement: updateMany({ where: { ${rows} }, data }).`;
    return `Update them in one statement: updateMany({ where: { ${rows} }, data }), or ${shape?.inTransaction ? `${VALUES_UPDATE} through $executeRaw` : 'one $transaction([...])'} when each row gets different data.`;
  }
  if (match.operation === 'count')
    return `Count them in one query: groupBy({ by: [${(compound ?? [plainFields?.[0] ?? column]).map((field) => `'${field}'`).join(', ')}], where: { ${key} }, _count: true }).`;
  return `Load them in one query: ${match.site ? 'findMany' : `${receiver}.findMany`}({ where: { ${key} } }), or include the relation in the query that loaded the items.`;
}

/** The batched form of a write whose step is not in sight. */
const OBJECTION_WRITE = `Write them in one statement: ${OBJECTION_NEW_ROWS}, or one update of every item's row with whereIn('id', ids) (patch, increment), grouped by row where a row repeats.`;

/** `user.$relatedQuery('groups').unrelate().where('groupId', id)`: the batched form of the step the chain ends in, a read's by default. */
function objectionBatch(match: QueryMatch, ownAmount = false): string {
  const chain = match.call.type === AST_NODE_TYPES.CallExpression ? calleeChainNames(callChainTop(match.call)) : [];
  const step = chain.find((name) => OBJECTION_WRITE_STEPS.test(name));
  if (step === 'relate') return 'Relate them in one call: relate(ids) with the array of ids (PostgreSQL), or insert the join rows in one statement.';
  if (step === 'unrelate') return "Unrelate them in one statement: unrelate().whereIn('column', ids).";
  if (step === 'delete' || step === 'del' || step === 'deleteById') return "Delete them in one statement: query().delete().whereIn('id', ids).";
  if (step?.startsWith('insert')) return `Insert them in one statement: ${OBJECTION_ARRAY_INSERT}.`;
  if (step && COUNTERS.has(step)) return ownAmount ? OWN_AMOUNT_COUNTERS : counterBatch(`query().whereIn('id', ids).${step}(column, step)`);
  if (step) return `Update them in one statement: query().patch(changes).whereIn('id', ids), or ${VALUES_UPDATE} when each row gets different data.`;
  // A function of the project that writes through the builder: the chain that would name the step is in that function.
  if (match.kind === 'write') return OBJECTION_WRITE;
  if (chain.some((name) => COUNT_STEP.test(name)))
    return 'Count them in one query grouped by the column each item filters on: query().whereIn(column, ids).groupBy(column).select(column).count().';
  if (match.operation === 'query') return "Load them in one query: query().whereIn('id', ids), or withGraphFetched on the query that loaded the items.";
  return 'Load the relation with withGraphFetched on the query that loaded the items, or fetch all rows with one whereIn query.';
}

/** RedBeanNode has no bulk store: the Knex instance under its facade (`R.knex`) writes or reads every item's rows in one statement. */
function redbeanBatch(operation: string, saves: 'new' | 'existing' | undefined, column: string): string {
  // A bean found first is mostly a row that exists: an insert of every row fails on their keys, an upsert writes them.
  if (operation === 'store' && saves === 'existing')
    return "Upsert them in one statement through the Knex instance under R: R.knex('table').insert(rows).onConflict(key).merge(); store() sends one statement per bean.";
  if (operation === 'store')
    return "Insert them in one statement through the Knex instance under R: R.knex('table').insert(rows); store() sends one statement per bean.";
  if (operation === 'trash') return "Delete them in one statement: R.knex('table').whereIn('id', ids).del().";
  if (operation === 'exec') return 'Run one statement for all items: WHERE id IN (?, …) with every id bound.';
  if (operation === 'count')
    return `Count them in one query grouped by ${column}: SELECT ${column}, COUNT(*) … WHERE ${column} IN (?, …) GROUP BY ${column} (R.getAll), or R.knex('table').whereIn('${column}', ids).groupBy('${column}').count().`;
  return `Load them in one query: WHERE id IN (?, …) with every id bound (R.find, R.getAll), or R.knex('table').whereIn('${column}', ids).`;
}

/** Operations only Payload's database adapter (`payload.db`) has: its batched forms are `updateMany` and `deleteMany`. */
const PAYLOAD_ADAPTER_ONLY = /^(?:findOne|updateOne|updateMany|deleteOne|deleteMany|upsert|queryDrafts|createVersion|updateVersion|deleteVersions|updateJobs)$/;

/**
 * One Local API or adapter call over the ids: `find` with `where: { id: { in: ids } }` (and no page limit), `update` or
 * `delete` with a `where` (`updateMany` / `deleteMany` on the adapter). Payload has no bulk create.
 */
function payloadBatch(match: QueryMatch, write: 'create' | 'update' | 'delete' | undefined, shape?: QueryShape): string {
  const adapter = PAYLOAD_ADAPTER_ONLY.test(match.operation) || /(?:^|\.)db$/.test(match.receiver ?? '');
  const on = match.site || !match.receiver ? '' : `${match.receiver}.`;
  const column = payloadColumn(match);
  const where = `where: { ${column}: { in: ids } }`;
  if (write === 'create' || match.operation === 'duplicate')
    return 'Payload has no bulk create: insert the rows in one statement through the database driver (payload.db.drizzle, or the Mongoose model in payload.db.collections), which runs no hooks.';
  if (write === 'delete') return `Delete them in one call: ${on}${adapter ? 'deleteMany' : 'delete'}({ collection, ${where} }).`;
  // `data: { inventory: { $inc: -item.quantity } }`: one update over the ids sets the same data on every document.
  if (write && shape?.perRow)
    return `${ownData(`one ${adapter ? 'updateMany' : 'update'} over the ids`, 'document')}: keep one update per document where its hooks must run, else write them in one statement through the database driver (bulkWrite on the Mongoose model in payload.db.collections, or ${VALUES_UPDATE} through payload.db.drizzle).`;
  if (write) return `Update them in one call: ${on}${adapter ? 'updateMany' : 'update'}({ collection, ${where}, data }), when they all get the same data.`;
  if (/^count/.test(match.operation))
    return `Count them in one query: ${on}find({ collection, ${where}, pagination: false, depth: 0 }), and count the documents per ${column}.`;
  return `Load them in one query: ${on}find({ collection, ${where}, pagination: false }), or populate the relationship (depth) in the query that loaded the items.`;
}

/** The field a Payload query looks documents up by (`author` of `where: { author: { equals: id } }`), `id` when unclear. */
function payloadColumn(match: QueryMatch): string {
  const options = match.call.type === AST_NODE_TYPES.CallExpression ? whereOption(match.call.arguments[0]) : undefined;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression || options.properties.length !== 1) return 'id';
  const property = options.properties[0]!;
  if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) return 'id';
  return onlyKey(property.value) === 'equals' || property.value.type !== AST_NODE_TYPES.ObjectExpression ? property.key.name : 'id';
}

/** A Neon or `@vercel/postgres` query written as a template (``sql`…` ``), whose values are parameters, not `query(text, values)`. */
function neonTemplate(match: QueryMatch): boolean {
  return (match.site?.operation ?? match.operation) !== 'query';
}

/** ClickHouse writes a new data part for every insert, to be merged later: rows go in together. */
const CLICKHOUSE_INSERT = 'Insert them in one call: insert({ table, values: rows }) with every row; each insert writes a new part.';

/** libSQL's and D1's batch: the statements sent in one round trip, run in one transaction. */
function oneBatch(match: QueryMatch): string {
  const on = match.site || !match.receiver ? '' : `${match.receiver}.`;
  return `${on}batch([...])`;
}

/** Kysely's `sql` template (``sql`…`.execute(db)``), which binds what it embeds as a parameter, an array included. */
function isKyselyTemplate(match: QueryMatch): boolean {
  return match.library === 'kysely' && (match.site?.operation ?? match.operation) === 'sql';
}

const KYSELY_TEMPLATE_IDS = 'WHERE id = ANY(${ids}) on PostgreSQL, or WHERE id IN (${sql.join(ids)})';

/** The one statement that replaces raw SQL written per item, in the placeholders of the library that runs it. */
function sqlWriteBatch(match: QueryMatch, statement: SqlWrite): string {
  const library = match.library;
  if (statement === 'upsert') return sqlUpsertBatch(match);
  if (statement === 'delete' && keepsFirstRows(match))
    return `Each item keeps the first rows of an order, which no one DELETE over a list of ids can say: rank every item's rows in one statement with ROW_NUMBER() OVER (PARTITION BY ${namedColumn(match) ?? 'key'} ORDER BY …), and delete those past the limit.`;
  if (statement !== 'create' && numbersOneItemsRows(match))
    return `Its window function numbers the rows of one item: ${statement} every item's rows in one statement, with PARTITION BY the item's column in OVER (…) and that column IN the items' values.`;
  if (library === 'clickhouse')
    return statement === 'create' ? CLICKHOUSE_INSERT : 'Run one statement for all items: WHERE id IN {ids:Array(String)} with the ids in query_params.';
  if (library === 'libsql' || library === 'd1') {
    const verb = statement === 'create' ? 'Insert' : statement === 'delete' ? 'Delete' : 'Update';
    const one = statement === 'create' ? 'INSERT … VALUES with a row per item' : `${statement.toUpperCase()} … WHERE id IN (?, ?, …)`;
    return `${verb} them in one statement: ${one}, or send them in one ${oneBatch(match)} (one round trip, one transaction).`;
  }
  // MySQL has no UPDATE … FROM (VALUES …): a CASE over the ids gives each row its own value.
  if (library === 'mysql2' && statement === 'update')
    return 'Update them in one statement: UPDATE … WHERE id IN (?) with the array of ids, or SET column = CASE id WHEN ? THEN ? … END when each row gets different data.';
  // A tagged template binds what it embeds, an array included; `$executeRawUnsafe(sql, ...values)` takes PostgreSQL's placeholders.
  const tagged = library === 'prisma' && !(match.site?.operation ?? match.operation).endsWith('Unsafe');
  const positional = library === 'pg' || (library === 'prisma' && !tagged) || (library === 'neon' && !neonTemplate(match));
  const ids = tagged
    ? 'WHERE id = ANY(${ids}) on PostgreSQL, or WHERE id IN (${Prisma.join(ids)})'
    : isKyselyTemplate(match)
      ? KYSELY_TEMPLATE_IDS
      : library === 'slonik'
        ? 'WHERE id = ANY(${sql.array(ids, idType)})'
        : library === 'postgres'
          ? 'WHERE id IN ${sql(ids)}'
          : library === 'neon' && neonTemplate(match)
            ? 'WHERE id = ANY(${ids})'
            : library === 'drizzle'
              ? 'WHERE ${inArray(table.id, ids)}'
              : library === 'pg-promise'
                ? 'WHERE id IN ($1:csv) with the array of ids'
                : positional
                  ? 'WHERE id = ANY($1) with the array of ids'
                  : 'WHERE id IN (...) with the array of ids';
  // pg-promise's helpers write every row in one statement: a multi-row INSERT, or an UPDATE from a VALUES list matched on the id.
  if (library === 'pg-promise' && statement !== 'delete')
    return statement === 'create'
      ? 'Insert them in one statement: pgp.helpers.insert(rows, columnSet), one INSERT with a row per item.'
      : `Update them in one statement: UPDATE … ${ids}, or pgp.helpers.update(rows, columnSet) + ' WHERE v.id = t.id' when each row gets different data.`;
  if (statement === 'create')
    return positional
      ? 'Insert them in one statement: INSERT … VALUES with a row per item, or INSERT … SELECT * FROM unnest($1, $2) with an array per column.'
      : library === 'slonik'
        ? 'Insert them in one statement: INSERT … SELECT * FROM ${sql.unnest(rows, columnTypes)}, or INSERT … VALUES with a row per item.'
        : library === 'postgres'
          ? 'Insert them in one statement: INSERT INTO table ${sql(rows)} with the array of rows.'
          : library === 'knex'
            ? "Insert them in one statement: knex('table').insert(rows), or INSERT … VALUES with a row per item."
            : library === 'drizzle'
              ? 'Insert them in one statement: db.insert(table).values(rows), or INSERT … VALUES with a row per item.'
              : 'Insert them in one statement: INSERT … VALUES with a row per item.';
  if (statement === 'delete') return `Delete them in one statement: DELETE … ${ids}.`;
  return `Update them in one statement: UPDATE … ${ids}, or ${VALUES_UPDATE} when each row gets different data.`;
}

/** The SQL text a raw statement of the loop sends, where it is written out. */
function writtenSqlOf(match: QueryMatch): string | undefined {
  const sql = match.call.type === AST_NODE_TYPES.CallExpression ? sqlArgumentOf(match.call) : match.call;
  return sql && sqlTextOf(unwrapExpression(sql));
}

/** `DELETE … WHERE monitor_id = ? AND id NOT IN (SELECT id … ORDER BY time DESC LIMIT ?)`: a delete that keeps each item's first rows of an order. */
function keepsFirstRows(match: QueryMatch): boolean {
  const text = writtenSqlOf(match);
  return !!text && /\(\s*SELECT\b[\s\S]*\bORDER\s+BY\b[\s\S]*\b(?:LIMIT|OFFSET)\b/i.test(text);
}

/** `ROW_NUMBER() OVER (ORDER BY "index")` in SQL run for each item, with no PARTITION BY: the statement ranks one item's rows at a time. */
function numbersOneItemsRows(match: QueryMatch): boolean {
  const text = writtenSqlOf(match);
  return !!text && /\bOVER\s*\(/i.test(text) && !/\bPARTITION\s+BY\b/i.test(text);
}

/**
 * An insert that updates the rows whose key already exists (`ON CONFLICT … DO UPDATE`, `ON DUPLICATE KEY UPDATE`,
 * `REPLACE`): one insert with every row keeps that clause; no statement over a list of ids can insert the missing rows.
 */
function sqlUpsertBatch(match: QueryMatch): string {
  const upsert = `${UPSERT_ROWS}:`;
  switch (match.library) {
    case 'clickhouse':
      return CLICKHOUSE_INSERT;
    case 'libsql':
    case 'd1':
      return `${upsert} one INSERT … VALUES with a row per item and the same conflict clause, or send them in one ${oneBatch(match)} (one round trip, one transaction).`;
    case 'mysql2':
      return `${upsert} INSERT … VALUES ? with the array of rows, and ON DUPLICATE KEY UPDATE column = VALUES(column).`;
    case 'pg-promise':
      return `${upsert} pgp.helpers.insert(rows, cs) + ' ON CONFLICT (key) DO UPDATE SET ' + cs.assignColumns({ from: 'EXCLUDED' }).`;
    case 'slonik':
      return `${upsert} INSERT … SELECT * FROM \${sql.unnest(rows, columnTypes)} ON CONFLICT … DO UPDATE SET column = EXCLUDED.column.`;
    case 'postgres':
      return `${upsert} INSERT INTO table \${sql(rows)} ON CONFLICT … DO UPDATE SET column = EXCLUDED.column, with the array of rows.`;
    case 'knex':
      return `${upsert} knex('table').insert(rows).onConflict(key).merge() with every row.`;
    case 'pg':
      return `${upsert} INSERT … SELECT * FROM unnest($1, $2) with an array per column, or VALUES with a row per item, ON CONFLICT … DO UPDATE.`;
    default:
      return `${upsert} one INSERT … VALUES with a row per item and the same conflict clause (ON CONFLICT or ON DUPLICATE KEY).`;
  }
}

/** Keys with a hash tag of their own (`doc:{${id}}`) sit in different slots of a Redis Cluster, which one multi-key command cannot span. */
const CROSS_SLOT =
  'Each key has a hash tag of its own, in its own cluster slot, which no multi-key command spans: queue the commands on a pipeline() and send them in one round trip.';

/** node-redis (`redis`, `@redis/client`) has no pipeline(): a multi() sent with execAsPipeline(), or the commands of one tick, which it pipelines. */
const NODE_REDIS_PIPELINE = 'one multi() sent with execAsPipeline() (exec() for a transaction)';

/** The same, where the advice is the pipeline alone. */
const NODE_REDIS_QUEUE = 'Queue the commands on one multi() and send them in one round trip with execAsPipeline() (exec() for a transaction).';

/** Whether the project's Redis client is node-redis, which batches with multi() and the commands of one tick, not ioredis's pipeline(). */
function usesNodeRedis(context: RuleContext): boolean {
  const dependencies = context.options.project.dependencies;
  return (dependencies.has('redis') || dependencies.has('@redis/client')) && !dependencies.has('ioredis');
}

/** `redis.get(\`lastSeen:{${id}}\`)`: a key whose hash tag is the item's value (the braces around an embedded value). */
function hashTaggedKey(match: QueryMatch): boolean {
  const key = match.call.type === AST_NODE_TYPES.CallExpression ? match.call.arguments[0] : undefined;
  if (key?.type !== AST_NODE_TYPES.TemplateLiteral) return false;
  return key.expressions.some((_, index) => key.quasis[index]!.value.cooked?.endsWith('{') && key.quasis[index + 1]?.value.cooked?.startsWith('}'));
}

/** A pipeline sent per item: the items' commands fit one pipeline as well. */
const PIPELINE_PER_ITEM = "Queue every item's commands on one pipeline() and exec() it once.";

/** The multi-key form of a Redis command where it has one, else a pipeline: one round trip either way. */
function redisBatch(command: string, write: boolean): string {
  if (command === 'exec' || command === 'execAsPipeline') return PIPELINE_PER_ITEM;
  const pipeline = write ? 'a pipeline() (multi() for a transaction)' : 'a pipeline()';
  const multiKey: Record<string, string> = {
    get: 'mget(keys)',
    hget: 'hmget(key, fields)',
    hGet: 'hmGet(key, fields)',
    set: 'mset(pairs)',
    del: 'del(keys)',
    unlink: 'unlink(keys)',
    hset: 'hset(key, fields)',
    hSet: 'hSet(key, fields)',
    sadd: 'sadd(key, members)',
    sAdd: 'sAdd(key, members)',
    srem: 'srem(key, members)',
    sRem: 'sRem(key, members)',
  };
  const many = Object.hasOwn(multiKey, command) ? multiKey[command] : undefined;
  return many
    ? `${write ? 'Send' : 'Read'} them in one round trip: ${many}, or ${pipeline}.`
    : `Queue the commands on ${pipeline} and send them in one round trip.`;
}

/** Redis advice said in node-redis's API, which has no pipeline() and spells the multi-key commands mGet and mSet. */
function forRedisClient(advice: string, nodeRedis: boolean): string {
  if (!nodeRedis) return advice;
  if (advice === PIPELINE_PER_ITEM) return "Queue every item's commands on one multi() and send it once with execAsPipeline() (exec() for a transaction).";
  return advice
    .replace(/^Queue the commands on a pipeline\(\)(?: \(multi\(\) for a transaction\))? and send them in one round trip\./, NODE_REDIS_QUEUE)
    .replace(/a pipeline\(\)(?: \(multi\(\) for a transaction\))?/, NODE_REDIS_PIPELINE)
    .replace('mget(keys)', 'mGet(keys)')
    .replace('mset(pairs)', 'mSet(pairs)');
}

const TYPEORM_IDS = '{ id: In(ids) }';

/** The criteria of a TypeORM write over every item's rows (`{ uuid: In(ids) }`), by the property its query filters on, without the builder's alias. */
function typeormIds(match: QueryMatch): string {
  const column = namedColumn(match)?.replace(/^\w+\./, '');
  return column === undefined ? TYPEORM_IDS : `{ ${column}: In(ids) }`;
}

/** The one update of loaded TypeORM rows, over the ids or carrying each row's values (`save([...])` still sends one UPDATE per row). */
function typeormRowsUpdate(update: string): string {
  return `${update}, or ${VALUES_UPDATE} through query() when each row gets different data`;
}

/**
 * TypeORM's `save` inserts a new entity and updates a loaded one; `save([...])` with every
 * entity inserts the new ones in one statement, but still sends one UPDATE per loaded one.
 */
function typeormSave(saves: 'new' | 'existing' | undefined): string {
  if (saves === 'new') return 'Insert them in one statement: insert([...]) or save([...]) with every row.';
  if (saves === 'existing') return `Update them in one statement: ${typeormRowsUpdate(`update(${TYPEORM_IDS}, changes)`)}.`;
  return `Insert the new ones in one insert([...]), and update the loaded ones: ${typeormRowsUpdate(`update(${TYPEORM_IDS}, changes)`)}.`;
}

/** The one statement on the entity class that replaces what each loaded TypeORM active record runs itself (`post.save()`, `post.remove()`). */
function activeRecordRow(entity: string, operation: string, saves: 'new' | 'existing' | undefined): string {
  const ids = TYPEORM_IDS;
  switch (operation) {
    case 'remove':
      return `Delete them in one statement: ${entity}.delete(${ids}), or ${entity}.remove(rows).`;
    case 'softRemove':
      return `Soft-delete them in one statement: ${entity}.softDelete(${ids}).`;
    case 'recover':
      return `Restore them in one statement: ${entity}.restore(${ids}).`;
    case 'reload':
      return `Load them in one query: ${entity}.findBy(${ids}).`;
  }
  if (saves === 'new') return `Insert them in one statement: ${entity}.insert(rows) or ${entity}.save(rows).`;
  if (saves === 'existing') return `Update them in one statement: ${typeormRowsUpdate(`${entity}.update(${ids}, changes)`)}.`;
  return `Insert the new ones in one ${entity}.insert(rows), and update the loaded ones: ${typeormRowsUpdate(`${entity}.update(${ids}, changes)`)}.`;
}

/** The one statement that replaces a write of each loaded Sequelize row (`doc.save()`, `doc.destroy()`). */
function rowWrite(model: string, operation: string, write: 'create' | 'update' | 'delete'): string {
  const where = '{ where: { id: { [Op.in]: ids } } }';
  // The rows' own save and destroy run their hooks; the statement over many rows runs them only when asked.
  if (write === 'delete') return `Delete them in one statement: ${model}.destroy(${where}), with individualHooks: true if their hooks must run.`;
  if (operation === 'increment' || operation === 'decrement' || operation === 'restore') {
    return `${operation === 'restore' ? 'Restore' : 'Change'} them in one statement: ${model}.${operation}(${operation === 'restore' ? '' : 'fields, '}${where}).`;
  }
  return `Update them in one statement: ${model}.update(changes, ${where}) (individualHooks: true runs their hooks), or bulkCreate(rows, { updateOnDuplicate: [...] }) when each row gets different values.`;
}

/**
 * `payload.find({ collection: slug })` for each collection, `payload.update({ id, locale, data })` for each locale: the Local
 * API takes one collection and one locale a call, and the configuration bounds how many there are.
 */
function perCollectionOrLocale(context: RuleContext, call: QueryMatch['call'], iteration: Iteration): boolean {
  const options = call.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const values: TSESTree.Node[] = [];
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = keyName(property);
    if (key === 'collection' || key === 'locale') values.push(property.value);
    // `req: { ...req, locale }`: the request's locale is the call's.
    if (key === 'req' && property.value.type === AST_NODE_TYPES.ObjectExpression)
      for (const inner of property.value.properties) if (inner.type === AST_NODE_TYPES.Property && keyName(inner) === 'locale') values.push(inner.value);
  }
  return values.some((value) => readsIterationName(context, value, iteration));
}

/** Whether a node reads a name the iteration declares (its item, or a variable of its body). */
function readsIterationName(context: RuleContext, node: TSESTree.Node, iteration: Iteration): boolean {
  const scope = iterationScope(iteration);
  return identifiersIn(node).some((identifier) => {
    const declaration = resolveVariable(context, identifier)?.defs[0]?.name;
    return !!declaration && contains(scope, declaration);
  });
}

/** Builder steps whose first argument names the table: Drizzle's, Kysely's and Knex's. */
const TABLE_STEPS = /^(?:insert|update|delete|from|insertInto|selectFrom|updateTable|deleteFrom|replaceInto|table|into)$/;

/**
 * `tx.insert(schema[name]).values(rows)`, `knex(table)`, `prisma[model].deleteMany()` with the table or model the iteration
 * names: one statement per table, which no statement over ids can join.
 */
function tableVariesPerItem(context: RuleContext, match: QueryMatch, iteration: Iteration): boolean {
  const call = match.call;
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const named: TSESTree.Node[] = [];
  const callee = unwrapExpression(call.callee);
  // The builder's own step on the client (`db.insert(table)`, `knex(table)`), not a function of the project that runs one.
  const handle = callee.type === AST_NODE_TYPES.MemberExpression ? (TABLE_STEPS.test(propertyName(callee) ?? '') ? callee.object : undefined) : callee;
  const value = handle && ormValueOf(context, handle);
  const takesTable = !!value && value.kind === 'client' && (value.orm === 'drizzle' || value.orm === 'kysely' || value.orm === 'knex');
  if (takesTable && call.arguments[0] && !isSubquery(context, call.arguments[0])) named.push(call.arguments[0]);
  // ClickHouse's `insert({ table, values })` names its table among its options.
  const options = value?.orm === 'clickhouse' ? call.arguments[0] : undefined;
  if (options?.type === AST_NODE_TYPES.ObjectExpression)
    for (const property of options.properties) if (property.type === AST_NODE_TYPES.Property && keyName(property) === 'table') named.push(property.value);
  for (let part: TSESTree.Node = callee; part.type === AST_NODE_TYPES.MemberExpression; part = unwrapExpression(part.object))
    if (part.computed) named.push(part.property);
  return named.some((node) => readsIterationName(context, node, iteration)) || (!takesTable && groupPerTable(context, call, iteration));
}

/** `selectFrom(recent)` with `const recent = db.selectFrom('like').where(...).as('recent')`: a query of the item's rows read from, not a table. */
function isSubquery(context: RuleContext, argument: TSESTree.Node): boolean {
  const node = constValueOf(context, argument);
  return node?.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(node.callee) === 'as';
}

/**
 * `db.select({ id: config.idColumn }).from(config.table).where(inArray(config.idColumn, ids))` per kind of a grouping: a select
 * that names the iteration's table in a later step and takes its group's ids is one statement per table. One row of each
 * item's table at a time would still be an N+1.
 */
function groupPerTable(context: RuleContext, call: TSESTree.CallExpression, iteration: Iteration): boolean {
  const callee = unwrapExpression(call.callee);
  const client = callee.type === AST_NODE_TYPES.MemberExpression ? ormValueOf(context, callee.object) : undefined;
  if (client?.kind !== 'client' || (client.orm !== 'drizzle' && client.orm !== 'knex')) return false;
  const tables: TSESTree.Node[] = [];
  for (let step = nextChainCall(call); step; step = nextChainCall(step))
    if (TABLE_STEPS.test(propertyName(step.callee as TSESTree.MemberExpression) ?? '') && step.arguments[0]) tables.push(step.arguments[0]);
  return (
    tables.some((node) => readsIterationName(context, node, iteration)) && rowLists(chainTop(call)).some((list) => readsIterationName(context, list, iteration))
  );
}

/** Whether the row that runs a statement is a different one in each iteration: the item itself, or a row declared in the loop. */
function rowVariesPerItem(context: RuleContext, call: TSESTree.Node, iteration: Iteration): boolean {
  let receiver: TSESTree.Node | undefined =
    call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : undefined;
  while (
    receiver &&
    (receiver.type === AST_NODE_TYPES.MemberExpression ||
      receiver.type === AST_NODE_TYPES.TSNonNullExpression ||
      receiver.type === AST_NODE_TYPES.TSAsExpression)
  ) {
    receiver = receiver.type === AST_NODE_TYPES.MemberExpression ? receiver.object : receiver.expression;
  }
  const declaration = receiver?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, receiver)?.defs[0]?.name : undefined;
  return !!declaration && contains(iterationScope(iteration), declaration);
}

/** What Prisma does with the queries of a `$transaction([...])`: one transaction, but each query still its own statement. */
const PRISMA_BATCH_STATEMENTS = '$transaction([...]) runs them in one transaction, still one statement and round trip each.';

/** The libraries whose queries are lazy until awaited, and that send a list of them at once: Prisma's `$transaction`, Drizzle's, libSQL's and D1's `batch`. */
const BATCHING_LIBRARIES: ReadonlySet<QueryMatch['library']> = new Set(['prisma', 'drizzle', 'libsql', 'd1']);

/**
 * `prisma.$transaction(items.map((item) => prisma.order.update(...)))`, or the queries pushed into
 * an array that is handed to `$transaction([...])`: sent as one batch, whose statements Prisma still runs one by one.
 */
function feedsBatchTransaction(context: RuleContext, query: TSESTree.Node, iteration: Iteration): boolean {
  // `db.update(t).set(...) as BatchItem<'sqlite'>`: a type stated on the builder leaves it the same statement.
  let whole = typeWrapped(chainTop(query));
  if (iteration.kind === 'callback') {
    // `cond ? undefined : prisma.order.update(...)`: one branch of what the callback returns; of `flatMap`'s, an element too.
    const flattens = iteration.call.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(iteration.call.callee) === 'flatMap';
    while (
      (whole.parent?.type === AST_NODE_TYPES.ConditionalExpression && whole.parent.test !== whole) ||
      (whole.parent?.type === AST_NODE_TYPES.LogicalExpression && whole.parent.right === whole) ||
      (flattens && whole.parent?.type === AST_NODE_TYPES.ArrayExpression)
    )
      whole = typeWrapped(whole.parent);
    const returned =
      whole.parent === iteration.callback || (whole.parent?.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(whole) === iteration.callback);
    if (returned) return reachesBatchTransaction(context, iteration.call);
  }
  // `operations.push(prisma.teamUser.delete(...))` in a loop or a `forEach` callback, or the query kept in a `const` first.
  const declarator = whole.parent;
  const held =
    declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === whole && declarator.id.type === AST_NODE_TYPES.Identifier
      ? (resolveVariable(context, declarator.id)?.references ?? []).flatMap((reference) => (reference.init ? [] : [reference.identifier]))
      : [];
  return [whole, ...held].some((pushed) => pushedIntoBatch(context, pushed));
}

/** `operations.push(query)`, `acc.updates.push(query)`: pushed into an array that is handed to `$transaction([...])`. */
function pushedIntoBatch(context: RuleContext, pushed: TSESTree.Node): boolean {
  const push = pushed.parent;
  if (push?.type !== AST_NODE_TYPES.CallExpression || !push.arguments.includes(pushed as TSESTree.CallExpressionArgument)) return false;
  const callee = push.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'push') return false;
  const array = callee.object;
  if (array.type === AST_NODE_TYPES.Identifier) return reachesBatchTransaction(context, array);
  if (array.type !== AST_NODE_TYPES.MemberExpression || array.computed || array.object.type !== AST_NODE_TYPES.Identifier) return false;
  const field = propertyName(array);
  return field !== undefined && fieldReachesBatchTransaction(context, array.object, field);
}

/**
 * `acc.updates.push(query)`, then `$transaction(result.updates)`: the array a field of an object holds, handed to
 * `$transaction` through that field, of the object itself or, for the accumulator of a `reduce`, of what the `reduce` returns.
 */
function fieldReachesBatchTransaction(context: RuleContext, object: TSESTree.Identifier, field: string): boolean {
  const variable = resolveVariable(context, object);
  const definition = variable?.defs[0];
  if (!variable || !definition) return false;
  let holder: typeof variable | undefined = variable;
  if (definition.type === 'Parameter') {
    const reducer = definition.node as TSESTree.Node;
    const call = reducer.parent;
    const reduces =
      isFunction(reducer) &&
      reducer.params[0] === definition.name &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments[0] === reducer &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      /^reduce(?:Right)?$/.test(propertyName(call.callee) ?? '');
    const result = reduces ? resultVariable(call) : undefined;
    holder = result && resolveVariable(context, result);
  }
  return !!holder?.references.some((reference) => {
    const member = reference.identifier.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      propertyName(member) === field &&
      isBatchArgument(context, member)
    );
  });
}

/** Whether a value ends up as the array argument of `$transaction` or a `batch`: directly, spread into an array, or through a variable. */
function reachesBatchTransaction(context: RuleContext, value: TSESTree.Node, hops = 0): boolean {
  let node = value;
  for (;;) {
    if (holdsElements(node)) node = node.parent!;
    else if (keepsElements(node)) node = node.parent!.parent!;
    else break;
  }
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    return sendsAsOneBatch(parent);
  }
  const helper = returnedBy(node);
  if (helper) {
    const calls = hops < 1 ? helperCalls(context, helper) : [];
    return calls.length > 0 && calls.every((call) => reachesBatchTransaction(context, call, hops + 1));
  }
  const variable =
    node.type === AST_NODE_TYPES.Identifier
      ? resolveVariable(context, node)
      : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier
        ? resolveVariable(context, parent.id)
        : undefined;
  return (
    !!variable && variable.references.some((reference) => reference.identifier !== value && !reference.init && isBatchArgument(context, reference.identifier))
  );
}

/** The named function whose result a value is: `return items.map(...)`, or the body of an arrow. */
function returnedBy(node: TSESTree.Node): FunctionNode | undefined {
  const parent = node.parent;
  const fn =
    parent?.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : parent && isFunction(parent) && parent.body === node ? parent : undefined;
  return fn && (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator || fn.type === AST_NODE_TYPES.FunctionDeclaration) ? fn : undefined;
}

/**
 * The calls of a function declared by name in this file and not exported: `buildUpdates(items)` of `function buildUpdates(...)`
 * or `const buildUpdates = (...) =>`. None when it is used otherwise: a helper handed elsewhere may feed anything.
 */
function helperCalls(context: RuleContext, fn: FunctionNode): TSESTree.CallExpression[] {
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.parent;
  const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent.id : undefined;
  if (id?.type !== AST_NODE_TYPES.Identifier || declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of resolveVariable(context, id)?.references ?? []) {
    if (reference.init) continue;
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return [];
    calls.push(call);
  }
  return calls;
}

/** `[...queries]`, `queries as [BatchItem, ...BatchItem[]]` (Drizzle's batch takes a non-empty tuple): the same queries, in what holds the node. */
function holdsElements(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.SpreadElement || parent?.type === AST_NODE_TYPES.ArrayExpression || typeWrapped(node) !== node;
}

const SAME_ELEMENTS: ReadonlySet<string> = new Set(['filter', 'slice', 'concat', 'flat']);

/** `queries.filter(isDefined)`: an array method whose result holds some of the same queries, not new ones. */
function keepsElements(node: TSESTree.Node): boolean {
  const member = node.parent;
  return (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === node &&
    SAME_ELEMENTS.has(propertyName(member) ?? '') &&
    member.parent?.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member
  );
}

/** Whether a use of an array of queries hands it to `$transaction`: directly, or in an array of all the operations kept in a variable first. */
function isBatchArgument(context: RuleContext, identifier: TSESTree.Node, hops = 0): boolean {
  let node = identifier;
  while (holdsElements(node)) node = node.parent!;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier && hops < 2) {
    const references = resolveVariable(context, parent.id)?.references ?? [];
    return references.some((reference) => !reference.init && isBatchArgument(context, reference.identifier, hops + 1));
  }
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument) && sendsAsOneBatch(parent);
}

/**
 * Prisma's `$transaction([...])`, or the `batch([...])` of Drizzle (libSQL, D1, Neon HTTP), libSQL's client and D1, which
 * takes the statements and at most a mode: every statement goes in one round trip. A `batch(items, 10)` helper is none.
 */
function sendsAsOneBatch(call: TSESTree.CallExpression): boolean {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(call.callee);
  if (name === '$transaction') return true;
  const mode = call.arguments[1];
  return name === 'batch' && call.arguments.length <= 2 && (!mode || (mode.type === AST_NODE_TYPES.Literal && typeof mode.value === 'string'));
}

/**
 * `for (const [assigneeId, ids] of Object.entries(byAssignee)) await prisma.ticket.updateMany({ where: { id: { in: ids } }, data: { assigneeId } })`:
 * each statement already writes a list of rows that comes with the item, with values of that item:
 * one statement per group, the batched form of writes whose values differ.
 */
function writesGroupPerItem(context: RuleContext, match: QueryMatch, iteration: Iteration): boolean {
  const whole = chainTop(match.call);
  if (match.kind !== 'write' && !buildsWrite(match.call, whole)) return false;
  const scope = iterationScope(iteration);
  const perItem = (identifier: TSESTree.Identifier): boolean => {
    const declaration = resolveVariable(context, identifier)?.defs[0]?.name;
    return !!declaration && contains(scope, declaration);
  };
  // `{ in: [ticket.id] }` lists the item's own row, not a group that comes with it.
  const lists = rowLists(whole).filter((list) => unwrapExpression(list).type !== AST_NODE_TYPES.ArrayExpression);
  if (!lists.some((list) => identifiersIn(list).some((identifier) => comesWithItem(context, identifier, iteration)))) return false;
  return identifiersIn(whole).some((identifier) => !lists.some((list) => contains(list, identifier)) && perItem(identifier));
}

/**
 * Whether a name in a list of rows is the item (`ticketIds` of `[assigneeId, ticketIds]`), the loop's counter, or a value taken from
 * the item (`const ids = group.rows.map(...)`); not a list the body builds anew (`[tagId, noteId]`) or awaits (`await descendantIds(tag.id)`).
 */
function comesWithItem(context: RuleContext, identifier: TSESTree.Identifier, iteration: Iteration, depth = 0): boolean {
  const definition = resolveVariable(context, identifier)?.defs[0];
  if (!definition) return false;
  if (itemBindings(iteration).has(definition.name)) return true;
  const scope = iterationScope(iteration);
  if (scope.type === AST_NODE_TYPES.ForStatement && scope.init && contains(scope.init, definition.name)) return true;
  const init = definition.type === 'Variable' && contains(scope, definition.name) ? definition.node.init : null;
  const value = init && unwrapExpression(init);
  if (!value || value.type === AST_NODE_TYPES.ArrayExpression || depth >= MAX_ITEM_HOPS) return false;
  let awaits = false;
  visitWithinFunction(value, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) awaits = true;
  });
  // The callbacks that pick the item's rows count too (`tasks.filter((task) => task.projectId === projectId)`).
  const names: TSESTree.Identifier[] = [];
  visitAll(value, (node) => node.type === AST_NODE_TYPES.Identifier && node !== identifier && names.push(node));
  return !awaits && names.some((name) => comesWithItem(context, name, iteration, depth + 1));
}

/** How many names a value taken from the item may pass through (`const group = item.group; const ids = group.ids`). */
const MAX_ITEM_HOPS = 2;

/** A query builder whose chain updates or deletes (`createQueryBuilder().update(...)...execute()`). */
function buildsWrite(query: TSESTree.Node, whole: TSESTree.Node): boolean {
  for (let node: TSESTree.Node = query; node !== whole && node.parent; node = node.parent) {
    if (node.parent.type === AST_NODE_TYPES.MemberExpression && /^(?:update|delete|softDelete)$/.test(propertyName(node.parent) ?? '')) return true;
  }
  return false;
}

/** The lists of values a statement selects its rows by: `{ in: ids }`, `{ $in: ids }`, `{ [Op.in]: ids }`, `In(ids)`, `inArray(column, ids)`, `whereInIds(ids)`, `whereIn(column, ids)`, `where(column, 'in', ids)`. */
function rowLists(root: TSESTree.Node): TSESTree.Node[] {
  const lists: TSESTree.Node[] = [];
  visitWithinFunction(root, (node) => {
    if (node.type === AST_NODE_TYPES.Property) {
      const key = node.computed ? (node.key.type === AST_NODE_TYPES.MemberExpression ? propertyName(node.key) : undefined) : keyName(node);
      if (key === 'in' || key === '$in') lists.push(node.value);
      return;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = node.callee;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    const list = name === 'In' || name === 'whereInIds' ? node.arguments[0] : name === 'inArray' || name === 'whereIn' ? node.arguments[1] : undefined;
    if (list) lists.push(list);
    // Kysely's and Knex's `where('id', 'in', ids)`.
    const operator = name === 'where' && node.arguments.length === 3 ? node.arguments[1] : undefined;
    if (operator?.type === AST_NODE_TYPES.Literal && typeof operator.value === 'string' && operator.value.toLowerCase() === 'in')
      lists.push(node.arguments[2]!);
  });
  return lists;
}

/** SQL text that ends where a statement names its table: `FROM `, `JOIN "`, `INSERT INTO `, `UPDATE `, `TABLE `. */
const TABLE_BEFORE = /\b(?:from|join|into|update|table)\s+["`]?[\w.]*["`]?\.?["`]?$/i;

/** The SQL text a raw query sends is computed from something that changes with each item (a template's values are parameters of one statement shape). */
/** A call of a function of another file that sends the SQL text it is handed, written at the call: `db.query(\`UPDATE "${table}" …\`, values)`. */
function handsSqlText(match: QueryMatch): boolean {
  const text =
    match.site && sendsSqlText(match.site.library, match.site.operation) && match.call.type === AST_NODE_TYPES.CallExpression
      ? sqlArgumentOf(match.call)
      : undefined;
  const written = text && unwrapExpression(text);
  return written?.type === AST_NODE_TYPES.TemplateLiteral || (written?.type === AST_NODE_TYPES.Literal && typeof written.value === 'string');
}

function sqlVariesPerItem(context: RuleContext, call: TSESTree.Node, iteration: Iteration): boolean {
  const argument = call.type === AST_NODE_TYPES.CallExpression ? sqlArgumentOf(call) : call.type === AST_NODE_TYPES.TaggedTemplateExpression ? call : undefined;
  // pg-promise's `helpers.insert(row, columns)` writes the values into one statement shape; `as.format(text, values)` sends that text.
  const sql = argument && !pgPromiseHelperWrite(context, argument) ? formattedSql(context, argument) : undefined;
  if (!sql || sql.type === AST_NODE_TYPES.Literal) return false;
  const scope = iterationScope(iteration);
  // A template's values are the row's; one written where a table is named (`FROM ${table}`) makes a statement per table.
  if (sql.type === AST_NODE_TYPES.TemplateLiteral)
    return sql.expressions
      .filter((_, index) => TABLE_BEFORE.test(sql.quasis[index]?.value.cooked ?? ''))
      .flatMap(identifiersIn)
      .some((identifier) => {
        const declaration = resolveVariable(context, identifier)?.defs[0]?.name;
        return !!declaration && contains(scope, declaration);
      });
  // A tagged template sends its values as parameters: only text spliced in with `raw(...)` changes the statement.
  const spliced = sql.type === AST_NODE_TYPES.TaggedTemplateExpression ? rawFragments(sql) : [sql];
  return spliced.flatMap(identifiersIn).some((identifier) => {
    const declaration = resolveVariable(context, identifier)?.defs[0]?.name;
    return !!declaration && contains(scope, declaration);
  });
}

/**
 * Literal collections (`for (const role of ['a', 'b'])`), constants of the code (`TEAM_GROUPS.map(...)`,
 * `Object.values(DEFAULT_ROLES)`), arrays filled only from such loops, and constant bounds (`i < 3`)
 * repeat a fixed, small number of times.
 */
function hasFixedSmallCount(context: RuleContext, iteration: Iteration, depth = 0): boolean {
  const isFixedList = (node: TSESTree.Node): boolean => {
    const inner = node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression ? node.expression : node;
    if (inner.type === AST_NODE_TYPES.ArrayExpression) return spreadsOnlyFixedLists(inner);
    // `await this.availableFeatures()` returning `[A, B]`; lodash's `difference(list, other)`, some of the items of `list`.
    if (inner.type === AST_NODE_TYPES.AwaitExpression) return isFixedList(inner.argument);
    // `this.options.relays`: as many as whoever deploys the instance configured.
    if (isInstanceComponentList(context, inner) || isFixedField(context, inner) || isConfigured(context, inner)) return true;
    if (inner.type === AST_NODE_TYPES.CallExpression && returnsFixedLiteral(context, inner)) return true;
    // `defaults.keys()` of a `Map` or `Set`: no more items than it holds.
    if (
      inner.type === AST_NODE_TYPES.CallExpression &&
      inner.arguments.length === 0 &&
      inner.callee.type === AST_NODE_TYPES.MemberExpression &&
      inner.callee.object.type === AST_NODE_TYPES.Identifier &&
      COLLECTION_VIEWS.test(propertyName(inner.callee) ?? '')
    )
      return isFixedList(inner.callee.object);
    // `Object.keys(FIELDS_CONFIG)`, `Object.entries(omit(FEATURE, FEATURE.ALL))`: the keys the code writes, as every rule reads them.
    if (inner.type === AST_NODE_TYPES.CallExpression && keysOfFixedObject(context, inner)) return true;
    const subset = inner.type === AST_NODE_TYPES.CallExpression ? subsetSourceOf(context, inner) : undefined;
    if (subset) return isFixedList(subset);
    // `memories.slice(0, MAX_MEMORIES)`: no more items than a small cap written in the code.
    if (inner.type === AST_NODE_TYPES.CallExpression && isCappedSlice(context, inner)) return true;
    // `RULES.map(toSetting).filter(isGiven)`: no more items than the fixed list it starts from.
    if (
      inner.type === AST_NODE_TYPES.CallExpression &&
      inner.callee.type === AST_NODE_TYPES.MemberExpression &&
      NARROWING_METHODS.has(propertyName(inner.callee) ?? '')
    )
      return isFixedList(inner.callee.object);
    if (
      inner.type === AST_NODE_TYPES.CallExpression &&
      inner.callee.type === AST_NODE_TYPES.MemberExpression &&
      inner.callee.object.type === AST_NODE_TYPES.Identifier &&
      inner.callee.object.name === 'Object' &&
      inner.arguments[0]
    )
      return isFixedList(inner.arguments[0]);
    // `new Set(Object.keys(defaults))`: no more items than the list it is made from.
    if (
      inner.type === AST_NODE_TYPES.NewExpression &&
      inner.callee.type === AST_NODE_TYPES.Identifier &&
      inner.callee.name === 'Set' &&
      isGlobalReference(context, inner.callee) &&
      inner.arguments.length === 1
    )
      return isFixedList(inner.arguments[0]!);
    // `mod.windows ?? DEFAULT_WINDOWS`: a setting that overrides a list written in the code names the same few things; `?? []` only stands for none.
    if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== '&&') {
      const fallback = unwrapExpression(inner.right);
      const empty = fallback.type === AST_NODE_TYPES.ArrayExpression && fallback.elements.length === 0;
      return !empty && unwrapExpression(inner.left).type === AST_NODE_TYPES.MemberExpression && isFixedList(fallback);
    }
    if (inner.type !== AST_NODE_TYPES.Identifier) return false;
    if (isCodeConstant(context, inner) || isImportedFixedList(context, inner)) return true;
    // `const scopes = ['read', 'write']`, `const enabled = RULES.filter(isOn)`: as many items as the list it holds.
    const held = unchangedConstValue(context, inner);
    if (
      held?.type === AST_NODE_TYPES.ArrayExpression ||
      held?.type === AST_NODE_TYPES.CallExpression ||
      held?.type === AST_NODE_TYPES.AwaitExpression ||
      held?.type === AST_NODE_TYPES.LogicalExpression ||
      held?.type === AST_NODE_TYPES.NewExpression
    )
      return isFixedList(held);
    // `Object.entries(fields)` of `const fields = { website: ..., youtube: ... }`: as many entries as the keys written.
    if (held?.type === AST_NODE_TYPES.ObjectExpression) return held.properties.every((property) => property.type === AST_NODE_TYPES.Property);
    return depth < MAX_COLLECTED_DEPTH && isCollectedFromFixedList(context, inner, depth);
  };
  /** `[...BASE_ROLES, 'owner']`: a spread of fixed lists adds no more than they hold. */
  const spreadsOnlyFixedLists = (array: TSESTree.ArrayExpression): boolean =>
    array.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement || isFixedList(element.argument));
  if (iteration.kind === 'callback' && iteration.list) return isFixedList(iteration.list) || fewFromEveryCaller(context, iteration.list);
  if (iteration.kind === 'callback') {
    const callee = iteration.call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    // `Array.from({ length: CONCURRENCY }, worker)`: a pool of workers whose size is written in the code.
    if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array' && propertyName(callee) === 'from')
      return isFixedLength(context, iteration.call.arguments[0]);
    return isFixedList(callee.object) || holdsAtMostOne(context, callee.object, iteration.call) || fewFromEveryCaller(context, callee.object);
  }
  const loop = iteration.loop;
  if (loop.type === AST_NODE_TYPES.ForOfStatement)
    return iteratesStream(context, loop) || isFixedList(loop.right) || holdsAtMostOne(context, loop.right, loop) || fewFromEveryCaller(context, loop.right);
  // `for (const type in ProviderType)`: the keys of an enum or an object the code writes.
  if (loop.type === AST_NODE_TYPES.ForInStatement) return isFixedList(loop.right) || namesEnum(context, loop.right);
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    const test = loop.test;
    // `shard < this.shardCount`: as many as the deployment is configured with; `day < days` of `const days = 7`: as many as the code writes.
    return (
      test?.type === AST_NODE_TYPES.BinaryExpression &&
      (isNumber(test.right) || isConfigured(context, test.right) || (test.right.type === AST_NODE_TYPES.Identifier && isNumberConstant(context, test.right)))
    );
  }
  return false;
}

/** `EmailProviderType` of `enum EmailProviderType {…}` in this file, or imported under a capitalized name, as enums are. */
function namesEnum(context: RuleContext, node: TSESTree.Node): boolean {
  const name = unwrapExpression(node);
  const definition = name.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, name)?.defs[0] : undefined;
  return (
    definition?.node.type === AST_NODE_TYPES.TSEnumDeclaration || (definition?.type === 'ImportBinding' && /^[A-Z]/.test((name as TSESTree.Identifier).name))
  );
}

/** `if (ids.length !== 1) throw ...` before the loop: one query, not one per item of many. */
function holdsAtMostOne(context: RuleContext, list: TSESTree.Node, at: TSESTree.Node): boolean {
  return (statedLengthCap(context, list, at) ?? Number.POSITIVE_INFINITY) <= 1;
}

/** Array methods whose result holds at most the items of the array they are called on. */
const NARROWING_METHODS = new Set(['map', 'filter', 'slice', 'toSorted', 'toReversed']);

/** How many arrays filled from one another (`toDelete` from `configs`) are followed back to a fixed list. */
const MAX_COLLECTED_DEPTH = 2;

/**
 * `const toDelete = []; for (const config of PLATFORM_CONFIGS) if (...) toDelete.push(config)`: an
 * array declared empty whose only writes push single items from loops over fixed lists, so it holds
 * at most as many items as they do.
 */
function isCollectedFromFixedList(context: RuleContext, identifier: TSESTree.Identifier, depth: number): boolean {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable' || definition.parent?.kind !== 'const') return false;
  const init = (definition.node as TSESTree.VariableDeclarator).init;
  const empty = init && unwrapExpression(init);
  if (empty?.type !== AST_NODE_TYPES.ArrayExpression || empty.elements.length > 0) return false;
  let pushes = 0;
  for (const reference of variable.references) {
    if (reference.init) continue;
    const member = reference.identifier.parent;
    // Handed to a function, it may be filled there.
    if (member?.type === AST_NODE_TYPES.CallExpression && member.arguments.includes(reference.identifier as TSESTree.Identifier)) return false;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const call = member.parent;
    const push = call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && propertyName(member) === 'push';
    if (!push) {
      if (call && memberMutation(call)) return false;
      continue;
    }
    if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
    // Every loop between the array and its push repeats a fixed number of times, and no other function runs the push.
    let inner: TSESTree.Node = call;
    for (let iteration = enclosingIteration(inner); iteration; iteration = enclosingIteration(inner)) {
      if (contains(iterationScope(iteration), definition.node)) break;
      if (!hasFixedSmallCount(context, iteration, depth + 1)) return false;
      inner = iteration.kind === 'loop' ? iteration.loop : iteration.call;
    }
    if (enclosingFunction(inner) !== enclosingFunction(definition.node)) return false;
    pushes++;
  }
  return pushes > 0;
}

/**
 * `this.getDataProviderServices()`, `this.strategies`: the components the instance was wired with, as many as the application
 * sets up. A parameter so named is the caller's list, and an awaited call may read rows (`await this.getProviders(userId)`).
 */
function isInstanceComponentList(context: RuleContext, node: TSESTree.Node): boolean {
  const call = node.type === AST_NODE_TYPES.CallExpression ? node : undefined;
  const member = unwrapExpression(call ? call.callee : node);
  return (
    member.type === AST_NODE_TYPES.MemberExpression &&
    unwrapExpression(member.object).type === AST_NODE_TYPES.ThisExpression &&
    call?.parent?.type !== AST_NODE_TYPES.AwaitExpression &&
    namesComponentList(context, node)
  );
}

/** `{ length: 4 }`, `{ length: WORKER_COUNT }`: an array-like whose length is a number or a constant written in the code. */
function isFixedLength(context: RuleContext, node: TSESTree.Node | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression || node.properties.length !== 1) return false;
  const property = node.properties[0]!;
  if (property.type !== AST_NODE_TYPES.Property || property.computed || propertyKey(property) !== 'length') return false;
  const value = property.value;
  return (
    isNumber(value) ||
    isConfigured(context, value) ||
    (value.type === AST_NODE_TYPES.Identifier && (isCodeConstant(context, value) || isNumberConstant(context, value)))
  );
}

function isNumber(node: TSESTree.Node | null | undefined): boolean {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'number';
}

/** `const CONCURRENCY = 16`: a `const` that holds a number written in the code. */
function isNumberConstant(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const definition = resolveVariable(context, identifier)?.defs[0];
  return definition?.type === 'Variable' && definition.parent?.kind === 'const' && isNumber((definition.node as TSESTree.VariableDeclarator).init);
}

function propertyKey(property: TSESTree.Property): string | undefined {
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
}

/** `TEAM_INTERNAL_GROUPS`: a constant written in the code, declared at the top of a module or imported, named in capitals. */
function isCodeConstant(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  if (!CODE_CONSTANT_NAME.test(identifier.name)) return false;
  const definition = resolveVariable(context, identifier)?.defs[0];
  if (definition?.type === 'ImportBinding') return true;
  return definition?.type === 'Variable' && definition.parent?.kind === 'const' && definition.parent.parent?.type === AST_NODE_TYPES.Program;
}

/** Identifiers read inside a node, not descending into nested functions. */
function identifiersIn(root: TSESTree.Node): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.Identifier) found.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item.type === 'string' && !isFunction(item)) stack.push(item);
      } else if (value && typeof value === 'object' && typeof (value as TSESTree.Node).type === 'string' && !isFunction(value as TSESTree.Node)) {
        stack.push(value as TSESTree.Node);
      }
    }
  }
  return found;
}

/**
 * Pagination and threaded values: the query reads a variable that the loop itself advances
 * (`skip`, `cursor`, `lastId`), so each query needs the previous one's result. Indexing an
 * array with a counter (`ids[i]`) is not such a dependency.
 */
function readsLoopCarriedValue(context: RuleContext, loop: TSESTree.Node, body: TSESTree.Node, query: TSESTree.Node): boolean {
  for (const identifier of identifiersIn(query)) {
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.computed && parent.property === identifier) continue;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && !parent.computed && parent.property === identifier) continue;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.shorthand) continue;
    const variable = resolveVariable(context, identifier);
    const declaration = variable?.defs[0]?.name;
    if (!variable || !declaration || contains(body, declaration) || isItemPosition(loop, variable) || reloadsSameRow(loop, variable, identifier)) continue;
    if (variable.references.some((reference) => reference.isWrite() && !reference.init && contains(loop, reference.identifier))) return true;
  }
  return false;
}

/**
 * `for (let i = 0; i < views.length; i++)`: the counter is the position of an item of a list, known before any
 * query runs (`{ order: i }`), not a value threaded from one query to the next.
 */
function isItemPosition(loop: TSESTree.Node, variable: Variable): boolean {
  const declaration = variable.defs[0]?.name;
  if (loop.type !== AST_NODE_TYPES.ForStatement || !loop.init || declaration?.type !== AST_NODE_TYPES.Identifier || !contains(loop.init, declaration))
    return false;
  const { test, update } = loop;
  const bound = test?.type === AST_NODE_TYPES.BinaryExpression && (test.operator === '<' || test.operator === '<=') ? unwrapExpression(test.right) : undefined;
  const byLength =
    test?.type === AST_NODE_TYPES.BinaryExpression &&
    test.left.type === AST_NODE_TYPES.Identifier &&
    test.left.name === declaration.name &&
    bound?.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(bound) === 'length';
  // Only the loop's own step changes it: a `page++` in the body would thread it.
  const steppedOnly = variable.references.every((reference) => !reference.isWrite() || reference.init || (!!update && contains(update, reference.identifier)));
  return byLength && steppedOnly;
}

/** The variable a query's result is stored in (`const user = await prisma.user.findUnique(...)`). */
function resultVariable(query: TSESTree.Node): TSESTree.Identifier | undefined {
  const node = awaitedValueOf(query);
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : undefined;
}

/**
 * Retries and searches that stop at the first success: the query's result is returned, or
 * decides a `break` or `return` of the loop. Such loops usually run once or a few times.
 */
function stopsOnResult(context: RuleContext, loop: LoopStatement, query: TSESTree.Node): boolean {
  // `if (!(await manager.findOne(Alias, { where: { urlId: candidate } }))) { … break; }`: the result is tested where it is read.
  // `if (!(await lock(tx, id))) return false;` is a check every item must pass, which runs through them all when they do.
  if (resultDecidesExit(query, loop) && !answersFalse(query, loop)) return true;
  const result = resultVariable(query);
  const variable = result && resolveVariable(context, result);
  return !!variable?.references.some((reference) => resultDecidesExit(reference.identifier, loop));
}

/** Whether the `if` that tests the query where it is read leaves the loop with `return false`. */
function answersFalse(query: TSESTree.Node, loop: LoopStatement): boolean {
  let statement: TSESTree.Node | undefined = query.parent;
  while (statement && statement !== loop.body && statement.type !== AST_NODE_TYPES.IfStatement) statement = statement.parent;
  if (statement?.type !== AST_NODE_TYPES.IfStatement) return false;
  const body = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [statement.consequent];
  const exit = body[body.length - 1];
  return exit?.type === AST_NODE_TYPES.ReturnStatement && exit.argument?.type === AST_NODE_TYPES.Literal && exit.argument.value === false;
}

/** Whether a value read in a loop's body (the query's result, or a name holding it) is returned, or is tested by an `if` that leaves the loop. */
function resultDecidesExit(value: TSESTree.Node, loop: LoopStatement): boolean {
  for (let node: TSESTree.Node | undefined = value.parent; node && node !== loop.body; node = node.parent) {
    if (node.type === AST_NODE_TYPES.IfStatement && contains(node.test, value))
      return (
        !bailsOutOnMissing(node) && !abortsOnFailure(node) && (containsExit(node.consequent, loop) || (!!node.alternate && containsExit(node.alternate, loop)))
      );
    if (node.type === AST_NODE_TYPES.ReturnStatement || (node.type === AST_NODE_TYPES.BreakStatement && exitsLoop(node, loop))) return true;
    if (isFunction(node)) return false;
  }
  return false;
}

/**
 * `if (!attr) return;`, `if (row == null) return c.json({ error }, 422);`, `if (!row) return false;`: the loop gives up, handing back
 * nothing or a failure, when a row it looked up is missing. That is validation, no search stopping at its first success: when every
 * row is there, it runs through every item, a query each.
 */
function bailsOutOnMissing(statement: TSESTree.IfStatement): boolean {
  if (statement.alternate || !testsAbsence(statement.test)) return false;
  const body = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [statement.consequent];
  const exit = body.at(-1);
  return exit?.type === AST_NODE_TYPES.ReturnStatement && isGiveUpValue(exit.argument);
}

/**
 * `return;`, `return null`, `return false`, `return undefined`, `return { error }`, `return { success: false, message }`, or a failure
 * (see `isFailureValue`): what a give-up hands back.
 */
function isGiveUpValue(node: TSESTree.Node | null | undefined): boolean {
  const value = node && unwrapExpression(node);
  if (!value || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')) return true;
  if (value.type === AST_NODE_TYPES.ObjectExpression && value.properties.some(isFailureField)) return true;
  return (value.type === AST_NODE_TYPES.Literal && (value.value === null || value.value === false)) || isFailureValue(value);
}

/** `error: …`, `errors: …`, `success: false`, `ok: false`: a field of a result object that says it failed. */
function isFailureField(property: TSESTree.ObjectLiteralElement): boolean {
  if (property.type !== AST_NODE_TYPES.Property) return false;
  const key = keyName(property) ?? '';
  if (key === 'error' || key === 'errors') return true;
  return (key === 'success' || key === 'ok') && property.value.type === AST_NODE_TYPES.Literal && property.value.value === false;
}

/**
 * `if (!method) return new IneligibleError()`, `if (isErrorResult(result)) return result`, `if (failed) { await rollback(); return result }`:
 * the loop aborts, handing back a failure. On success it runs through every item, a query each.
 */
function abortsOnFailure(statement: TSESTree.IfStatement): boolean {
  const body = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [statement.consequent];
  const exit = body.at(-1);
  return !statement.alternate && exit?.type === AST_NODE_TYPES.ReturnStatement && isFailureExit(exit);
}

/** A `return` of a failure: an error value, one its own `if` tests for, or one right after a rollback. */
function isFailureExit(exit: TSESTree.ReturnStatement): boolean {
  return isFailureValue(exit.argument) || guardedByFailureTest(exit) || followsRollback(exit);
}

/** `await this.connection.rollBackTransaction(ctx); return { result, message };`: the statement before the `return` undoes the work. */
function followsRollback(exit: TSESTree.ReturnStatement): boolean {
  const block = exit.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const before = block.body[block.body.indexOf(exit) - 1];
  const expression = before?.type === AST_NODE_TYPES.ExpressionStatement ? unwrapExpression(before.expression) : undefined;
  const call = expression?.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(expression.argument) : expression;
  return call?.type === AST_NODE_TYPES.CallExpression && ROLLBACK.test(calleeName(call) ?? '');
}

const ROLLBACK = /^roll_?back(?:transaction)?$/i;

/** The `return` of such a give-up (see `bailsOutOnMissing`). */
function isGiveUpOnMissing(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.ReturnStatement) return false;
  const holder = node.parent?.type === AST_NODE_TYPES.BlockStatement ? node.parent.parent : node.parent;
  return holder?.type === AST_NODE_TYPES.IfStatement && bailsOutOnMissing(holder);
}

/** Whether every exit of a loop is such a give-up (see `bailsOutOnMissing`). */
function onlyBailsOut(loop: LoopStatement): boolean {
  return everyExitOf(loop, isGiveUpOnMissing);
}

/** Whether the loop has an exit (`return`, `break`) and every one passes the test. */
function everyExitOf(loop: LoopStatement, test: (exit: TSESTree.Node) => boolean): boolean {
  let exits = 0;
  let passed = 0;
  visitWithinFunction(loop.body, (node) => {
    if (!exitsLoop(node, loop)) return;
    exits++;
    if (test(node)) passed++;
  });
  return exits > 0 && passed === exits;
}

/** `!row`, `row == null`, `row === undefined`, `row === false`: a test that a value is missing. */
function testsAbsence(test: TSESTree.Node): boolean {
  if (test.type === AST_NODE_TYPES.UnaryExpression) return test.operator === '!' && test.argument.type !== AST_NODE_TYPES.UnaryExpression;
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '===' && test.operator !== '==')) return false;
  const missing = (node: TSESTree.Node): boolean =>
    (node.type === AST_NODE_TYPES.Literal && (node.value === null || node.value === false)) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
  return missing(test.left) || missing(test.right);
}

/** A `return`, or a `break` out of the loop (not of a loop or `switch` inside it), in a statement or the branches it holds. */
function containsExit(node: TSESTree.Node, loop: LoopStatement): boolean {
  if (node.type === AST_NODE_TYPES.ReturnStatement || (node.type === AST_NODE_TYPES.BreakStatement && exitsLoop(node, loop))) return true;
  if (node.type === AST_NODE_TYPES.BlockStatement) return node.body.some((statement) => containsExit(statement, loop));
  if (node.type === AST_NODE_TYPES.IfStatement) return containsExit(node.consequent, loop) || (!!node.alternate && containsExit(node.alternate, loop));
  return false;
}

/** The whole expression a query is part of: `db('t').where(...).first()` for `db('t')`. */
function chainTop(node: TSESTree.Node): TSESTree.Node {
  let top = node;
  for (;;) {
    const parent = top.parent;
    if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === top &&
      parent.parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent
    )
      top = parent.parent;
    else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === top) top = parent;
    else return top;
  }
}

/** Why a loop runs one item after another that also means its queries cannot be one batch. */
const SEQUENTIAL_LOOPS: ReadonlySet<SequentialReason> = new Set([
  'for-await',
  'paced',
  'loop-control',
  'early-exit',
  'lazy-generator',
  'fixed-list',
  'ordered-steps',
  'batched',
]);
/** Why an await must wait for the previous one that also holds for a query: it polls or is paced (a threaded value is checked apart). */
const SEQUENTIAL_AWAITS: ReadonlySet<SequentialReason> = new Set(['paced', 'repeated-call', 'batched']);

/**
 * Pagination, queue draining, polling, pacing and explicit batches, as await-in-loop sees them.
 * A transaction is no reason here: N queries in one transaction are still N round trips.
 */
function isSequentialForQueries(context: RuleContext, loop: LoopStatement, query: TSESTree.Node, read: boolean, runsThrough: boolean): boolean {
  let loopReason = loopSequentialReason(context, loop);
  // The items of one chunk, one query each: chunks bound the work, they do not batch it.
  if (loopReason === 'batched' && iteratesItemsOfBatch(loop)) loopReason = undefined;
  // A read that no exit looks at (`if (!(await validate(item))) return`) can still be one query for all items before the loop;
  // a walk of a tree, or a loop that stops only on a failure, still visits every item on the way.
  // A loop that only gives up when a row is missing (`if (!attr) return;`) runs through every item when the rows are there.
  if (loopReason === 'early-exit' && (runsThrough || onlyBailsOut(loop) || (read && !exitDependsOn(context, loop, query))))
    loopReason = loopShapeReason(context, loop);
  // Statements a query builder wrote for the items' rows (`for (const statement of statements)`) are the items, not steps to run in order.
  if (loopReason === 'ordered-steps' && query.type === AST_NODE_TYPES.CallExpression && rowStatementPerItem(context, sqlArgumentOf(query), loop))
    loopReason = undefined;
  // Items named for steps or hooks whose fields the loop only writes as rows are data: the loop runs none of them.
  if (loopReason === 'ordered-steps' && !read && onlyWritesItemFields(loop, query) && iteratesOrderedWork(context, loop)) loopReason = undefined;
  // The rows of a page the loop around it loads, each reported done: one query per page still reports, page by page.
  if (loopReason === 'ordered-steps' && iteratesPageRows(context, loop) && reportsProgress(context, loop) && !iteratesOrderedWork(context, loop))
    loopReason = undefined;
  if (loopReason && SEQUENTIAL_LOOPS.has(loopReason)) return true;
  // Inside a transaction the loop's reason is the transaction; explicit batches are still batches.
  if (loopReason === 'shared-resource' && iteratesBatches(context, loop)) return true;
  const awaited = query.parent?.type === AST_NODE_TYPES.AwaitExpression ? query.parent : undefined;
  const awaitReason = awaited && awaitSequentialReason(context, loop, awaited);
  if (awaitReason === 'threaded-value') return readsThreadedValue(context, loop, awaited!);
  if (awaitReason === 'repeated-call' && read && usesRepeatedValuePerItem(loop, awaited!)) return false;
  return !!awaitReason && SEQUENTIAL_AWAITS.has(awaitReason);
}

/**
 * `do { rows = await repo.find({ skip, take }); for (const row of rows) … } while (rows.length)`: the loop walks the rows the
 * paging loop around it loaded on this turn.
 */
function iteratesPageRows(context: RuleContext, loop: LoopStatement): boolean {
  const outer = enclosingLoop(loop);
  const list = loop.type === AST_NODE_TYPES.ForOfStatement ? unwrapExpression(loop.right) : undefined;
  if (!outer || list?.type !== AST_NODE_TYPES.Identifier || loopSequentialReason(context, outer) !== 'loop-control') return false;
  const writes = resolveVariable(context, list)?.references.filter((reference) => reference.isWrite()) ?? [];
  return writes.some((reference) => contains(outer, reference.identifier) && !contains(loop, reference.identifier));
}

/**
 * `for (const step of flowData.steps) await Step.query().insert({ key: step.key, name: step.name })`: the loop's one await is the
 * write, and the values it writes are read from the item's fields, or are the fields the loop's head destructures
 * (`for (const { key, name } of steps)`).
 */
function onlyWritesItemFields(loop: LoopStatement, query: TSESTree.Node): boolean {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement) return false;
  const item = new Set(patternNames(loop.left));
  const destructured = loop.left.type === AST_NODE_TYPES.VariableDeclaration && loop.left.declarations[0]?.id.type !== AST_NODE_TYPES.Identifier;
  let awaits = 0;
  visitWithinFunction(loop.body, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) awaits++;
  });
  if (awaits !== 1 || query.parent?.type !== AST_NODE_TYPES.AwaitExpression) return false;
  let readsItemField = false;
  visitWithinFunction(chainTop(query), (node) => {
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return;
    visitWithinFunction(node, (inner) => {
      readsItemField ||=
        (inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.Identifier && item.has(inner.object.name)) ||
        (destructured && inner.type === AST_NODE_TYPES.Property && inner.value.type === AST_NODE_TYPES.Identifier && item.has(inner.value.name));
    });
  });
  return readsItemField;
}

/**
 * The query, or a condition it runs under, reads what an earlier iteration produced. A check of
 * the item itself (`if (user && (await canAccess(user)))`) is no such dependency: the rows that
 * pass it can still be written in one statement.
 */
function readsThreadedValue(context: RuleContext, loop: LoopStatement, awaited: TSESTree.AwaitExpression): boolean {
  // A variable of a function created in the loop (`$transaction(async (tx) => { const row = await ... })`) is new on each call.
  const facts = loopFacts(context, loop);
  const threaded = new Set([...facts.threaded].filter((slot) => typeof slot === 'string' || !declaredInFunctionOf(slot, loop)));
  if (readsThreaded(context, facts, awaited.argument, threaded)) return true;
  let child: TSESTree.Node = awaited;
  for (let current: TSESTree.Node | undefined = awaited.parent; current && current !== loop; child = current, current = current.parent) {
    if (isFunction(current)) return false;
    const condition =
      (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) && child !== current.test
        ? current.test
        : current.type === AST_NODE_TYPES.LogicalExpression && child === current.right
          ? current.left
          : current.type === AST_NODE_TYPES.SwitchCase
            ? (current.parent as TSESTree.SwitchStatement).discriminant
            : undefined;
    if (condition && readsAny(context, condition, threaded) && !checksKeyNotSeen(context, condition, threaded, loop)) return true;
  }
  return false;
}

/**
 * `!byOwner.has(row.ownerId)`, also beside other tests (`doc.workspaceId && !cache.has(doc.workspaceId)`), on a map or set only
 * this loop fills: it keeps what it loaded by key, so the query still runs once per distinct key, not once after another.
 * A map filled before the loop (rows loaded at once, the loop fetching the few it missed) is a fallback, not reported.
 */
function checksKeyNotSeen(context: RuleContext, condition: TSESTree.Node, threaded: ReadonlySet<Slot>, loop: LoopStatement): boolean {
  const test = unwrapExpression(condition);
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&')
    return [test.left, test.right].every((side) => !readsAny(context, side, threaded) || checksKeyNotSeen(context, side, threaded, loop));
  const lookup = test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' ? unwrapExpression(test.argument) : undefined;
  if (lookup?.type !== AST_NODE_TYPES.CallExpression || lookup.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(lookup.callee) !== 'has')
    return false;
  const [key] = lookup.arguments;
  return lookup.arguments.length === 1 && !!key && !readsAny(context, key, threaded) && filledOnlyIn(context, lookup.callee.object, loop);
}

const FILLING_METHODS: ReadonlySet<string> = new Set(['set', 'add']);

/** Whether every `set` / `add` on a map or set held in a variable is inside the loop. */
function filledOnlyIn(context: RuleContext, collection: TSESTree.Node, loop: LoopStatement): boolean {
  const root = unwrapExpression(collection);
  const variable = root.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, root) : undefined;
  return (
    !!variable &&
    variable.references.every(({ identifier }) => {
      const member = identifier.parent;
      const fills =
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === identifier &&
        member.parent.type === AST_NODE_TYPES.CallExpression &&
        member.parent.callee === member &&
        FILLING_METHODS.has(propertyName(member) ?? '');
      return !fills || contains(loop, identifier);
    })
  );
}

/**
 * Whether a `break` or `return` of the loop depends on what the query returned: it returns it, or
 * a condition it runs under reads the result or a value derived from it.
 */
function exitDependsOn(context: RuleContext, loop: LoopStatement, query: TSESTree.Node): boolean {
  const derived = slotsDerivedFrom(context, loop.body, [query]);
  const dependsOn = (node: TSESTree.Node): boolean => contains(node, query) || readsAny(context, node, derived);
  let found = false;
  visitWithinFunction(loop.body, (node) => {
    if (found || !exitsLoop(node, loop) || isGiveUpOnMissing(node)) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && dependsOn(node.argument)) found = true;
    let child: TSESTree.Node = node;
    for (let current = node.parent; !found && current && current !== loop; child = current, current = current.parent) {
      const condition = conditionOf(current, child);
      if (condition && dependsOn(condition)) found = true;
    }
  });
  return found;
}

/** The loop or array callback that repeats a query N times, or undefined when the repetition is inherent or bounded. */
export function repeatingIteration(context: RuleContext, query: TSESTree.Node, read: boolean): Iteration | undefined {
  const site = perItemSite(context, query);
  return site && repeatsPerItem(context, site.iteration, site.whole, read);
}

/** The loop or array callback a node runs once per item of (see `perItemSite`). */
function perItemIteration(context: RuleContext, node: TSESTree.Node): Iteration | undefined {
  return perItemSite(context, node)?.iteration;
}

/**
 * The loop or array callback a node runs once per item of, and the expression whose shape is judged against it: directly, in a
 * `.then` callback of a promise made per item (judged where the promise is made), in a task made per item and run (also one pushed to
 * a list whose tasks are called later), in a callback a
 * helper runs per element of a list (`pMap(items, fn)`, `promiseMapWithLimit(5, items, fn)`), or in a task handed to a limiter
 * (`files.map((file) => limit(() => prisma.file.update(...)))`), which runs it once, where the call hands it over.
 */
function perItemSite(context: RuleContext, node: TSESTree.Node): { iteration: Iteration; whole: TSESTree.Node } | undefined {
  const direct = enclosingIteration(node);
  if (direct) return { iteration: direct, whole: chainTop(node) };
  const chained = chainedCallbackIteration(node);
  if (chained) return { iteration: chained.iteration, whole: chained.promise };
  const task = sequencedTaskIteration(node) ?? pushedTaskIteration(context, node) ?? helperIteration(context, node);
  if (task) return { iteration: task, whole: chainTop(node) };
  const limited = limiterRunOf(context, node);
  return limited && perItemSite(context, limited);
}

/** The callback around a node when a helper runs it once per element of a list it is handed (see `itemCallbackList`): a loop whatever its limit. */
function helperIteration(context: RuleContext, node: TSESTree.Node): Iteration | undefined {
  const callback = enclosingFunction(node);
  // The cheap test of the syntax first: a function handed to a call, after another argument.
  if (callback?.parent?.type !== AST_NODE_TYPES.CallExpression || callback.parent.callee === callback) return undefined;
  // `Promise.each(batches, async () => { await db.query('DELETE … LIMIT 1000') })`: a callback that takes no item repeats one statement a number of times.
  if (callback.params.length === 0) return undefined;
  const list = itemCallbackList(context, callback);
  return list && { kind: 'callback', call: callback.parent, callback, list };
}

function repeatsPerItem(context: RuleContext, iteration: Iteration, whole: TSESTree.Node, read: boolean): Iteration | undefined {
  const outer = flattenedInto(iteration);
  if ((hasFixedSmallCount(context, iteration) && (!outer || hasFixedSmallCount(context, outer))) || batchedOnOtherPath(context, iteration, whole))
    return undefined;
  // `// One transaction per session to keep write locks short`: the code says why each item gets its own statement.
  // `if (row.name === dto.name) await repo.save(row)`: a branch for one key or one row runs once, not once per item.
  if (iteration.kind === 'loop' && (commentExplainsPerItemStatements(context, iteration.loop) || runsForOneItem(context, whole, iteration.loop)))
    return undefined;
  // `for (const batch of chunk(items, 100)) await Promise.all(batch.map(...))` is still a query per item: chunks bound how many run at once, not how many run.
  if (iteration.kind === 'callback' && mapsBatches(iteration.call, iteration.callback)) return undefined;
  const loop = iterationScope(iteration);
  // A callback's parameters are its own item's, whatever it assigns to them (`if (!dueAt) dueAt = nextWeek()`).
  const ownValues = iteration.kind === 'loop' ? iteration.loop.body : iteration.callback;
  if (readsLoopCarriedValue(context, loop, ownValues, whole))
    return iteration.kind === 'loop' ? walkedPerItem(context, iteration.loop, whole, read) : undefined;
  if (iteration.kind !== 'loop') return iteration;
  // `if (E.isLeft(result)) return result` after a call of a walk of a tree: the walk is no search, every node it reaches costs its queries;
  // a loop that leaves only on a failure is no search either: on success it runs through every item, as when it throws.
  // So is a search over rows a query just read (`for (const team of ownedTeams) { if ((await count(team)) === 1) return true }`): one grouped query answers it.
  const runsThrough = callsTreeWalk(context, whole) || leavesOnlyOnFailure(iteration.loop) || iteratesQueriedRows(context, iteration.loop);
  if (leavesRightAfter(iteration.loop, whole) || awaitsOnFirstTurnOnly(context, iteration.loop, whole) || neverReturns(context, whole)) return undefined;
  // `let date = link.start; while (date < now) { … date = next }`: a walk runs in order, or stops on what it finds,
  // but each item of the loop around it starts its own.
  if ((!runsThrough && stopsOnResult(context, iteration.loop, whole)) || isSequentialForQueries(context, iteration.loop, whole, read, runsThrough))
    return walkedPerItem(context, iteration.loop, whole, read);
  return iteration;
}

/**
 * `for (const id of [...ids].sort()) { if (!(await lockAccount(tx, id))) return false; }`: rows locked one at a time in a
 * sorted order, so that two transactions never wait on each other, stopping where a lock or check fails. The order is the
 * point, and each lock decides whether to go on.
 */
function locksInSortedOrder(context: RuleContext, match: QueryMatch, iteration: Iteration): boolean {
  if (iteration.kind !== 'loop' || iteration.loop.type !== AST_NODE_TYPES.ForOfStatement) return false;
  const locks = match.site ? match.site.locks : match.call.type === AST_NODE_TYPES.CallExpression && locksRows(context, match.call);
  if (!locks || !isSortedList(context, iteration.loop.right)) return false;
  const loop = iteration.loop;
  let exits = false;
  visitWithinFunction(loop.body, (node) => {
    exits ||= exitsLoop(node, loop);
  });
  return exits;
}

/** Whether every `return` or `break` that leaves the loop hands back a failure: `return E.left(error)`, `if (isErr(result)) return result`. */
function leavesOnlyOnFailure(loop: LoopStatement): boolean {
  return everyExitOf(loop, (exit) => exit.type === AST_NODE_TYPES.ReturnStatement && isFailureExit(exit));
}

/**
 * `E.left(error)`, `err(error)`: the failure side of an Either or a Result; or an error response: `{ status: 401, … }`,
 * `res.status(403).json(…)`, `NextResponse.json(body, { status: 404 })`, `c.json(body, 422)`.
 */
function isFailureValue(node: TSESTree.Node | null | undefined): boolean {
  const value = node && unwrapExpression(node);
  if (!value) return false;
  if (value.type === AST_NODE_TYPES.ObjectExpression) return hasErrorStatus(value);
  if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.NewExpression) return false;
  if (value.type === AST_NODE_TYPES.CallExpression && FAILURE_CONSTRUCTORS.has(calleeName(value) ?? '')) return true;
  // `return new IneligibleShippingMethodError()`: an error handed back as the result, as GraphQL union results are.
  if (value.type === AST_NODE_TYPES.NewExpression && /(?:Error|Exception)$/.test(calleeName(value) ?? '')) return true;
  // `{ status: 404 }` among the arguments, or the status itself: Hono's `c.json(body, 422)`, `c.text(message, 404)`.
  if (value.arguments.some((argument) => (argument.type === AST_NODE_TYPES.ObjectExpression && hasErrorStatus(argument)) || isErrorStatus(argument)))
    return true;
  // `res.status(401).json(…)`: the status set earlier in the chain.
  const callee = unwrapExpression(value.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (ERROR_STATUS_SETTERS.has(propertyName(callee) ?? '') && isErrorStatus(value.arguments[0])) return true;
  return isFailureValue(callee.object);
}

/** `{ status: 401 }`, `{ statusCode: 404 }`: an object that answers with an HTTP error. */
function hasErrorStatus(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some(
    (property) => property.type === AST_NODE_TYPES.Property && ERROR_STATUS_KEYS.has(keyName(property) ?? '') && isErrorStatus(property.value),
  );
}

function isErrorStatus(node: TSESTree.Node | undefined): boolean {
  const value = node && unwrapExpression(node);
  return value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'number' && value.value >= 400 && value.value < 600;
}

const ERROR_STATUS_KEYS: ReadonlySet<string> = new Set(['status', 'statusCode']);
const ERROR_STATUS_SETTERS: ReadonlySet<string> = new Set(['status', 'sendStatus']);

/** `for (const team of teams)` with `const teams = await prisma.team.findMany(...)` just before: the loop walks rows a query returned. */
function iteratesQueriedRows(context: RuleContext, loop: LoopStatement): boolean {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement) return false;
  const list = unwrapExpression(loop.right);
  if (list.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, list);
  const declarator = variable?.defs[0]?.node;
  if (variable?.defs.length !== 1 || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== variable.defs[0]!.name) return false;
  const init = declarator.init && unwrapExpression(declarator.init);
  const read = init?.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(init.argument) : undefined;
  const found = read?.type === AST_NODE_TYPES.CallExpression ? queryCallOf(context, read) : undefined;
  return found?.kind === 'read' && !found.site && enclosingFunction(declarator) === enclosingFunction(loop);
}

/** `if (E.isLeft(result)) return result;`, `if (result.isErr()) { return result; }`: the exit's own `if` tests for a failure. */
function guardedByFailureTest(exit: TSESTree.ReturnStatement): boolean {
  const statement = exit.parent?.type === AST_NODE_TYPES.BlockStatement && exit.parent.body.length === 1 ? exit.parent : exit;
  const branch = statement.parent;
  if (branch?.type !== AST_NODE_TYPES.IfStatement || branch.consequent !== statement) return false;
  const test = unwrapExpression(branch.test);
  const name = test.type === AST_NODE_TYPES.CallExpression ? (calleeName(test) ?? '') : '';
  return FAILURE_TESTS.has(name) || /^is\w*Error(?:Result)?$/.test(name);
}

// The names fp-ts, neverthrow and their kin (and hand-written `Result` classes: `Result.fail`, `isFailed`) give the failure side of a result and its test.
const FAILURE_CONSTRUCTORS: ReadonlySet<string> = new Set(['left', 'err', 'fail']);
const FAILURE_TESTS: ReadonlySet<string> = new Set(['isLeft', 'isErr', 'isFailed', 'isFailure']);

/** `await abort(claimed, error)` with `abort = async (): Promise<never> => …`: a call that never returns ends the loop, so it runs once. */
function neverReturns(context: RuleContext, whole: TSESTree.Node): boolean {
  const call = unwrapExpression(whole);
  const fn = call.type === AST_NODE_TYPES.CallExpression ? localFunction(context, call.callee) : undefined;
  return fn !== undefined && declaredReturnType(fn)?.type === AST_NODE_TYPES.TSNeverKeyword;
}

/** `if (usable) { await cache.hset(key, token, info); return token; }`: the statements right after the query leave the loop, so the query runs once. */
function leavesRightAfter(loop: LoopStatement, query: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = query, node = query.parent; node && node !== loop; child = node, node = node.parent) {
    if (isFunction(node) || isLoopStatement(node)) return false;
    if (node.type !== AST_NODE_TYPES.BlockStatement) continue;
    // Expressions and declarations between the query and the exit always run through to it.
    for (const next of node.body.slice(node.body.indexOf(child as TSESTree.Statement) + 1)) {
      if (next.type === AST_NODE_TYPES.ReturnStatement || (next.type === AST_NODE_TYPES.BreakStatement && exitsLoop(next, loop))) return true;
      if (next.type !== AST_NODE_TYPES.ExpressionStatement && next.type !== AST_NODE_TYPES.VariableDeclaration) break;
    }
  }
  return false;
}

/**
 * `if (cluster) await Promise.all(keys.map((key) => redis.del(key))); else await redis.del(keys)`: where the
 * other path of the same choice hands the whole list to the same client, one call per item is a choice.
 */
function batchedOnOtherPath(context: RuleContext, iteration: Iteration, whole: TSESTree.Node): boolean {
  const call = unwrapExpression(whole);
  const list = iteration.kind === 'loop' ? (iteration.loop.type === AST_NODE_TYPES.ForOfStatement ? iteration.loop.right : undefined) : iteration.call.callee;
  const items = list && (list.type === AST_NODE_TYPES.MemberExpression && iteration.kind === 'callback' ? list.object : list);
  if (!items || call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const [itemsText, clientText] = [sourceText(context, items), sourceText(context, call.callee.object)];
  const handsWholeList = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    sourceText(context, node.callee.object) === clientText &&
    node.arguments.some((argument) => sourceText(context, argument) === itemsText);
  return otherPaths(iteration.kind === 'loop' ? iteration.loop : iteration.call).some((path) => {
    let found = false;
    visitWithinFunction(path, (node) => {
      found ||= handsWholeList(node);
    });
    return found;
  });
}

/** The statements that run instead of `node`: the other branch of the `if` it is in, or what follows an `if` whose branch always leaves. */
function otherPaths(node: TSESTree.Node): TSESTree.Node[] {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isFunction(current); child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.IfStatement || child === current.test) continue;
    const other = child === current.consequent ? current.alternate : current.consequent;
    if (other) return [other];
    const block = current.parent;
    if (!alwaysLeaves(current.consequent) || block?.type !== AST_NODE_TYPES.BlockStatement) return [];
    return block.body.slice(block.body.indexOf(current as TSESTree.Statement) + 1);
  }
  return [];
}

function sourceText(context: RuleContext, node: TSESTree.Node): string {
  return context.text.slice(node.range[0], node.range[1]).replace(/\s+/g, '');
}

/**
 * `for (const id of ids) { let current = id; while (current) { current = (await find(current))?.parentId } }`:
 * each step needs the one before, but every item of the loop around starts a walk of its own, at least one query each.
 */
function walkedPerItem(context: RuleContext, walk: LoopStatement, whole: TSESTree.Node, read: boolean): Iteration | undefined {
  const around = enclosingIteration(walk);
  // `while (date < link.end)`: the condition the walk advances can start from the item too.
  const test = 'test' in walk ? walk.test : undefined;
  if (!around || !(startsFromItem(context, walk, around, whole) || (test && startsFromItem(context, walk, around, test)))) return undefined;
  return repeatsPerItem(context, around, whole, read);
}

/** Whether a variable the walk advances and the query reads is declared, around the walk, from the item of the iteration around it. */
function startsFromItem(context: RuleContext, walk: LoopStatement, around: Iteration, query: TSESTree.Node): boolean {
  const items = itemBindings(around);
  if (items.size === 0) return false;
  return identifiersIn(query).some((identifier) => {
    const variable = resolveVariable(context, identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || contains(walk, definition.name) || !definition.node.init) return false;
    const advanced = variable!.references.some((reference) => reference.isWrite() && !reference.init && contains(walk, reference.identifier));
    const fromItem = (name: TSESTree.Identifier): boolean => {
      const declared = resolveVariable(context, name)?.defs[0]?.name;
      return declared !== undefined && items.has(declared);
    };
    return advanced && identifiersIn(definition.node.init).some(fromItem);
  });
}

/** What an iteration binds each item to: a `for…of` loop's declaration, an array callback's first parameter. */
function itemPattern(iteration: Iteration): TSESTree.Node | undefined {
  if (iteration.kind === 'callback') return iteration.callback.params[0];
  const loop = iteration.loop;
  return loop.type === AST_NODE_TYPES.ForOfStatement && loop.left.type === AST_NODE_TYPES.VariableDeclaration ? loop.left.declarations[0]?.id : undefined;
}

/** The names an iteration binds to each item: a `for…of` loop's variables, an array callback's first parameter. */
function itemBindings(iteration: Iteration): Set<TSESTree.Node> {
  const pattern = itemPattern(iteration);
  const names = new Set<TSESTree.Node>();
  if (pattern) visitAll(pattern, (node) => node.type === AST_NODE_TYPES.Identifier && names.add(node));
  return names;
}

/**
 * `switch (identifier.key) { case 'email': return findByEmail(...); case 'phone': return findByPhone(...) }` per item: the switch
 * on the item's kind whose case holds the node. Each item takes one case, so its cases are one repetition, reported once.
 */
function kindSwitchOf(context: RuleContext, node: TSESTree.Node, iteration: Iteration): TSESTree.SwitchStatement | undefined {
  for (const switchCase of casesAround(node, iteration)) {
    let root = unwrapExpression(switchCase.parent.discriminant);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
    const declared = root.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, root)?.defs[0]?.name : undefined;
    if (declared && itemBindings(iteration).has(declared)) return switchCase.parent;
  }
  return undefined;
}

/** The `case`s that hold a node within one run of the iteration's body (not in a function it only defines). */
function* casesAround(node: TSESTree.Node, iteration: Iteration): Generator<TSESTree.SwitchCase> {
  const scope = iterationScope(iteration);
  for (let current = node.parent; current && current !== scope; current = current.parent) {
    if (isFunction(current) && (iteration.kind !== 'callback' || current !== iteration.callback)) return;
    if (current.type === AST_NODE_TYPES.SwitchCase) yield current;
  }
}

/**
 * `for (const label of labels) { switch (label) { case 'site_title': return Settings.get({ label }) } }`: a query in the case of
 * one literal value of the item itself runs for the item equal to it, once in a list of distinct keys, not once per item.
 */
function inLiteralCaseOfItem(context: RuleContext, node: TSESTree.Node, iteration: Iteration): boolean {
  for (const switchCase of casesAround(node, iteration)) {
    if (switchCase.test?.type !== AST_NODE_TYPES.Literal) continue;
    const item = unwrapExpression(switchCase.parent.discriminant);
    const declared = item.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, item)?.defs[0]?.name : undefined;
    if (declared && isWholeItemOrKey(iteration, declared)) return true;
  }
  return false;
}

/** The binding of the item itself (`label` of `for (const label of labels)`), or of its key (`key` of `[key, value]`); not a field of it. */
function isWholeItemOrKey(iteration: Iteration, binding: TSESTree.Node): boolean {
  const pattern = itemPattern(iteration);
  return pattern === binding || (pattern?.type === AST_NODE_TYPES.ArrayPattern && pattern.elements[0] === binding);
}

/** `handlers[job.kind](job)` where every entry queries: each entry can take the items of its key at once. */
const PICKED_ENTRY_BATCH = 'Every entry of the table queries: group the items by key and give each entry all of its items in one call.';

/** A function that queries and calls itself for each child walks a tree one query per node: the whole tree is one query. */
const TREE_IN_ONE_QUERY = 'Load the whole tree in one query (WITH RECURSIVE, or every row of the tree at once) and build it in memory.';
const TREE_IN_ONE_WRITE = "Collect the whole tree's ids in one query (WITH RECURSIVE) and write them in one statement over the ids.";

/** Whether a call's own text holds the statement it runs: `$transaction(db, async (tx) => { … })` written in the loop. */
function holdsSite(context: RuleContext, call: TSESTree.Node, site: QuerySite): boolean {
  return site.file === context.fileName && site.start >= call.range[0] && site.end <= call.range[1];
}

/**
 * `updateFields(tableId, [{ fieldId: field.id, ops }])`, `markBroken(tableId, [id])` in a loop over the fields: a function that
 * takes a list, handed a list of the one item (its own value, or an object holding one), not of something computed for it.
 * The advice: one call with every item, or one per value of another argument the item also gives (`tableId` of the field).
 */
function itemListAdvice(context: RuleContext, call: TSESTree.Node, iteration: Iteration, name: string): string | undefined {
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const items = itemBindings(iteration);
  const counter = iteration.kind === 'loop' && iteration.loop.type === AST_NODE_TYPES.ForStatement ? iteration.loop.init : undefined;
  const isItemValue = (node: TSESTree.Node, depth: number): boolean => {
    const inner = unwrapExpression(node);
    if (inner.type === AST_NODE_TYPES.MemberExpression) {
      // `views[i]` indexed by the loop's counter is the item.
      if (inner.computed && inner.property.type === AST_NODE_TYPES.Identifier && counter) {
        const declaration = resolveVariable(context, inner.property)?.defs[0]?.name;
        if (declaration && contains(counter, declaration)) return true;
      }
      return isItemValue(inner.object, depth);
    }
    if (inner.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = resolveVariable(context, inner)?.defs[0];
    if (!definition) return false;
    if (items.has(definition.name)) return true;
    // `const { id, tableId } = field`, `const record = { messageId: event.id }`: a value taken from the item, or a record of it.
    const init = definition.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
    return !!init && depth < MAX_ITEM_STEPS && contains(iterationScope(iteration), definition.name) && holdsItemValue(init, depth + 1);
  };
  // The item's own value, or an object of which a field is one.
  const holdsItemValue = (node: TSESTree.Node, depth: number): boolean =>
    node.type === AST_NODE_TYPES.ObjectExpression
      ? node.properties.some((property) => property.type === AST_NODE_TYPES.Property && isItemValue(property.value, depth))
      : isItemValue(node, depth);
  const itemList = call.arguments.find((argument) => {
    const list = unwrapExpression(argument);
    const only = list.type === AST_NODE_TYPES.ArrayExpression && list.elements.length === 1 ? list.elements[0] : undefined;
    return !!only && only.type !== AST_NODE_TYPES.SpreadElement && holdsItemValue(only, 0);
  });
  if (!itemList) return undefined;
  const grouping = call.arguments.find((argument) => argument !== itemList && isItemValue(argument, 0));
  const once = grouping ? `once per ${context.text.slice(grouping.range[0], grouping.range[1])} with all of its items` : 'once with all of them';
  return `Collect the items and call ${name} ${once}: it already takes a list.`;
}

const MAX_ITEM_STEPS = 3;

/**
 * `db.getObject(key)` of a project module that also has `getObjects`, `setObjectBulk` or `sortedSetsCard`: its own batched form,
 * a member of the same module named as the bulk of the one called, or with the plural of what it acts on.
 */
function batchedSiblingAdvice(context: RuleContext, call: TSESTree.Node, iteration: Iteration): string | undefined {
  const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  if (callee?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const member = resolveModuleMember(context, callee);
  const name = member?.path.at(-1);
  if (!member || name === undefined || member.path.length > 2) return undefined;
  // The plural of the thing the name acts on, the word after the verb (`getUsersFields` of `getUserFields`, not `setTopicFields` of `setTopicField`).
  const [verb, thing, ...rest] = name.split(/(?=[A-Z])/);
  const plural = thing === undefined ? [] : [`${verb}${thing}s${rest.join('')}`, ...(rest.length > 0 ? [`${verb}${thing}s${rest.join('')}s`] : [])];
  // The plural batches its first parameter, the thing it acts on: not `isOwners(uids, group)` for `isOwner(uid, group)` called per group.
  const [first] = call.type === AST_NODE_TYPES.CallExpression ? call.arguments : [];
  const candidates = [`${name}Bulk`, ...(first && variesWithItem(context, first, iteration) ? plural : [])];
  const sibling = candidates.find((candidate) =>
    lookupFunction(projectModels(context), context.fileName, member.module, [...member.path.slice(0, -1), candidate]),
  );
  const receiver = context.text.slice(callee.object.range[0], callee.object.range[1]);
  return sibling && `Call ${receiver}.${sibling}(...) once with every item: the module's batched form.`;
}

/** `post:${pid}`, `uids[index]`, `setOf(cid)`: a value that names the item, or a variable the iteration binds or declares anew for each item. */
function variesWithItem(context: RuleContext, node: TSESTree.Node, iteration: Iteration): boolean {
  const scope = iterationScope(iteration);
  let varies = false;
  visitAll(node, (child) => {
    if (varies || child.type !== AST_NODE_TYPES.Identifier) return;
    const declared = resolveVariable(context, child)?.defs[0]?.name;
    varies = (!!declared && contains(scope, declared)) || comesWithItem(context, child, iteration);
  });
  return varies;
}

/** The row statement a query builder wrote for the item that a raw query of the loop sends. */
function rawRowStatement(context: RuleContext, call: TSESTree.Node, iteration: Iteration): RowStatement | undefined {
  return call.type === AST_NODE_TYPES.CallExpression ? rowStatementPerItem(context, sqlArgumentOf(call), iterationScope(iteration)) : undefined;
}

/** The advice for a statement written per row: the same builder writes one statement for every row. */
const ONE_ROW_STATEMENT_FOR_ALL: Readonly<Record<RowStatement, string>> = {
  create: 'Insert them in one statement: hand the builder every row at once (one INSERT with a row per item).',
  update: `Send one statement for all items: ${VALUES_UPDATE} with a row per item, or the statements joined into one call.`,
  delete: 'Delete them in one statement: whereIn over the ids of the items.',
};

/** One read for all the items tells which of them to create. */
const FIND_THEN_CREATE = 'Read them all in one query, then create the missing ones in one statement.';

/** Reads the rows it then creates when missing (by hand or by a write it calls): one read for all the items tells which of them to create. */
function findOrCreate(kind: QueryMatch['kind'], site: QuerySite): string | undefined {
  const write = kind === 'write' ? site : site.alsoWrites;
  if (!site.findsFirst || !write || !creates(write)) return undefined;
  return FIND_THEN_CREATE;
}

/** A read of one row by a key: what a find-or-create looks for before it creates. */
const ONE_ROW_READ = /^(?:findOne|findFirst|findUnique|findByPk|findById|findOneBy|exists)/;

/** The function a call calls, as written (`this.countBy` of `this.countBy('views')`). */
function calleeText(context: RuleContext, call: QueryMatch['call']): string {
  return call.type === AST_NODE_TYPES.CallExpression ? sourceText(context, unwrapExpression(call.callee)) : sourceText(context, call);
}

/** The text of the model or collection a query runs on (`Tag` of `Tag.findOne(…)`, `prisma.tag`). */
function receiverText(context: RuleContext, call: QueryMatch['call']): string | undefined {
  const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const receiver = sourceText(context, callee.object);
  // A builder handed its table (`db.update(posts).set(…)`, `db.insertInto('post')`) works on that table, not on every table of the client.
  const startsBuilder =
    call.arguments.length === 1 &&
    TABLE_BUILDER_STARTS.test(propertyName(callee) ?? '') &&
    call.parent?.type === AST_NODE_TYPES.MemberExpression &&
    call.parent.object === call;
  return startsBuilder ? `${receiver}(${sourceText(context, call.arguments[0]!)})` : receiver;
}

const TABLE_BUILDER_STARTS = /^(?:insert|update|delete|insertInto|updateTable|deleteFrom)$/;

/** `const tag = await Tag.findOne(…); if (!tag) await Tag.create(…)`: a read of one row the iteration goes on to create on the same model. */
function createsAfter(context: RuleContext, read: QueryMatch['call'], receiver: string, scope: TSESTree.Node): boolean {
  if (read.type !== AST_NODE_TYPES.CallExpression || !ONE_ROW_READ.test(propertyName(unwrapExpression(read.callee) as TSESTree.MemberExpression) ?? ''))
    return false;
  return writesAfter(context, read, receiver, scope, 'create', false);
}

/** A later call of the iteration that writes `operation` on the same model (`Tag.create(…)`); with `branched`, only one behind a condition. */
function writesAfter(
  context: RuleContext,
  call: TSESTree.Node,
  receiver: string,
  scope: TSESTree.Node,
  operation: 'create' | 'update',
  branched: boolean,
): boolean {
  let found = false;
  visitAll(scope, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression || node.range[0] < call.range[1]) return;
    const name = node.callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(node.callee) : undefined;
    found =
      name !== undefined &&
      (operation === 'update' || /^(?:create|insert)/.test(name)) &&
      writeOperation(name) === operation &&
      receiverText(context, node) === receiver &&
      (!branched || onBranch(node, scope));
  });
  return found;
}

/** Whether a node runs only on a branch (an `if`, a `?:`, a `&&`, a `case`) inside `scope`. */
function onBranch(node: TSESTree.Node, scope: TSESTree.Node): boolean {
  for (let child = node, current = node.parent; current && current !== scope; child = current, current = current.parent)
    if (conditionOf(current, child)) return true;
  return false;
}

/**
 * `updateMany(…)` then `create(…)` when it matched no row, or `findFirst(…)` then `update(…)` or `create(…)`, on one model per
 * item: one upsert per item, reported once, on its first call.
 */
function upsertsPerItem(context: RuleContext, match: QueryMatch, receiver: string, scope: TSESTree.Node): boolean {
  if (match.kind === 'read') return createsAfter(context, match.call, receiver, scope) && writesAfter(context, match.call, receiver, scope, 'update', true);
  return match.kind === 'write' && writeOperation(match.operation) === 'update' && writesAfter(context, match.call, receiver, scope, 'create', true);
}

/** The find-or-create form of a read then a create per item: Sequelize's own advice for findOrCreate by the key it names, else one read and one insert. */
function findThenCreateBatch(match: QueryMatch): string {
  const keyed = match.keyColumn ?? filterColumn(match);
  return match.library === 'sequelize' && keyed !== undefined ? batchedForm({ ...match, operation: 'findOrCreate' }) : FIND_THEN_CREATE;
}

/** Each item updates its row or creates it: one upsert statement over every item, with each row's own values. */
function upsertBatch(match: QueryMatch, shape: QueryShape | undefined): string {
  if (match.library === 'prisma') return PRISMA_UPSERT_ROWS;
  if (match.library === 'meteor') return `${UPDATE_OR_CREATE} Upsert them in one call: rawCollection().${MONGO_UPSERTS}.`;
  const upsert = batchedForm({ ...match, kind: 'write', operation: 'upsert' }, { ...shape, upserts: true } as QueryShape);
  // A library with no upsert form of its own answers with its batched read, which would leave the writes per item.
  return `${UPDATE_OR_CREATE} ${upsert.startsWith('Load') ? 'Upsert them in one INSERT … ON CONFLICT (key) DO UPDATE with every row.' : upsert}`;
}

/** MongoDB's upsert of many documents, each with its own filter and changes. */
const MONGO_UPSERTS = 'bulkWrite([{ updateOne: { filter, update, upsert: true } }, …])';

/** What an update-or-create per item is, before the library's upsert. */
const UPDATE_OR_CREATE = 'Each item updates its row or creates it.';
/** Prisma's upsert takes one row: the rows of every item, each with its own values, go in SQL, or in a create of the new ones and one update. */
const PRISMA_UPSERT_ROWS = `${UPDATE_OR_CREATE} Upsert them in one INSERT … ON CONFLICT (key) DO UPDATE through $executeRaw, or createMany({ data, skipDuplicates: true }) and one UPDATE … FROM (VALUES …).`;

/** Whether a write inserts rows: by its SQL, by a TypeORM save of a new entity, or by its method's name. */
function creates(write: WriteFact): boolean {
  return (write.statement ?? (write.operation === 'save' ? (write.saves === 'new' ? 'create' : undefined) : writeOperation(write.operation))) === 'create';
}

/** A read the function follows with a write: the advice of the read alone would leave the write per item. */
function readsAndWrites(site: QuerySite, name: string): string | undefined {
  const write = site.kind === 'read' ? site.alsoWrites : undefined;
  if (!write) return undefined;
  // SQL built on each call (`ALTER TABLE` for the item's column, a statement per table) is no one statement for every item.
  if (write.dynamicSql)
    return `It also runs SQL it builds per call (${write.operation}), such as a schema change, which no one statement does for all: load what it reads for all the items at once.`;
  return `It also writes (${write.model ? `${write.model}.` : ''}${write.operation}): give ${name} a form that takes all the items, with one read and one write for them all.`;
}

/** The advice for a function of the project whose every call writes several times (a row, its version, its log), or reads and writes. */
function severalWrites(name: string): string {
  return `Give ${name} a form that takes all the items and runs each of its statements once for them all.`;
}

const PER_CHUNK = 'Chunks bound how many run at once, not how many run: one per chunk.';

/** `for (const batch of chunk(items, 100)) await Promise.all(batch.map((item) => …))`, `for (const item of batch)`: the items of one chunk, queried one by one. */
function inChunks(context: RuleContext, iteration: Iteration): boolean {
  if (iteration.kind === 'loop') return iteratesItemsOfBatch(iteration.loop);
  const outer = enclosingLoop(iteration.call);
  return outer !== undefined && iteratesBatches(context, outer);
}

/** `for (const child of children) await this.loadTree(child.id)` inside `loadTree` itself, or over the roots elsewhere: a call of a walk of a tree. */
function callsTreeWalk(context: RuleContext, call: TSESTree.Node): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const called = localFunction(context, call.callee) ?? siblingStatic(context, call.callee);
  return (
    called !== undefined &&
    (contains(called, call) ||
      calledFunctionHas(
        context,
        call,
        'recursiveFunctions',
        true,
        (child, fn) =>
          child.type === AST_NODE_TYPES.CallExpression &&
          (localFunction(context, child.callee) ?? siblingStatic(context, child.callee)) === fn &&
          handsAnotherNode(child, fn),
      ))
  );
}

/**
 * `this.loadTree(child.id)`, `walk(tx, node)`: a call of a function by itself that hands it a value it was not handed there, the
 * next node of a walk. `() => this.refresh(id, user, { cache: false })`, which hands back its own parameters, runs the same
 * item again (a retry, a refresh in the background): no tree.
 */
function handsAnotherNode(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  return call.arguments.some((argument, index) => {
    const value = unwrapExpression(argument);
    if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression) return false;
    const param = fn.params[index];
    const own = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return !(value.type === AST_NODE_TYPES.Identifier && own?.type === AST_NODE_TYPES.Identifier && own.name === value.name);
  });
}

// async's collection functions (`async.each(items, fn, done)`, `eachLimit`, `mapSeries`) run their callback once per item too.
const PREFILTER_LOOP = String.raw`\b(?:for|while)\b|\.(?:map|forEach|flatMap|reduce|reduceRight|filter|some|every|find|findIndex|findLast|findLastIndex)\s*\(|Array\.from\b|\.(?:each|eachOf|forEachOf)(?:Series|Limit)?\s*\(|\.(?:map|forEach|filter|concat)(?:Series|Limit)\s*\(`;

// A GraphQL field resolver: a resolver map (`resolvers`, a `Resolvers` type, a `Query:` key) or a decorated resolver method.
const PREFILTER_RESOLVER = String.raw`\bresolvers\b|Resolvers\b|@(?:ResolveField|FieldResolver)\b|\b(?:Query|Mutation|Subscription)\s*:`;

export const nPlusOne: Rule = {
  meta: {
    id: 'n-plus-one',
    defaultSeverity: 'warning',
    description: 'An ORM or database query, or a lazy relation load, runs once per item of a loop or array callback.',
    messages: {
      query: '{{query}} runs one {{library}} query per item of this loop (N+1 queries). {{batched}}',
      write: '{{query}} runs one {{library}} write per item of this loop (N+1 statements). {{batched}}',
      relation: '{{query}} runs one {{library}} relation query per item of this loop (N+1 queries). {{batched}}',
      chain: '{{query}}() runs a {{what}} ({{site}}) per item of this loop (N+1). {{batched}}',
      dispatch: '{{query}} runs a {{what}} ({{site}}) per item of this loop (N+1). {{batched}}',
      resolver: '{{query}} runs one {{library}} query per {{type}}: GraphQL calls this {{field}} resolver once per parent (N+1). {{batched}}',
      resolverChain: '{{query}} runs a query per {{type}}: GraphQL calls this {{field}} resolver once per parent (N+1). It runs {{site}}. {{batched}}',
    },
    fixable: true,
  },
  // A finding needs a loop or an array callback; everything else is decided after parsing.
  prefilter: new RegExp(`${PREFILTER_LOOP}|${PREFILTER_RESOLVER}`),
  // Without a database in reach nothing runs a query: no package, no client, no model the project declares.
  gate: databaseInReach,
  create(context) {
    // A script runs once and exits, and so does a module only one-off programs import: a query per item costs the developer who started it one run, not every request.
    if (contextRole(context) === 'script' || context.options.project.scriptOnly) return {};
    const reported = new Set<TSESTree.Node>();
    // A switch on the item's kind: one finding for its cases, each of them the same repetition.
    const reportedSwitches = new Set<TSESTree.Node>();
    // A function of the project this loop calls several times (`this.countBy('views')`, `this.countBy('clicks')`): one finding for its query, on the first call.
    const reportedSites = new Set<string>();
    // `Tag.findOne(…)` then `Tag.create(…)` per item: one find-or-create finding, on the read.
    const foundThenCreated = new Set<string>();
    // `updateMany(…)` then `create(…)` when nothing matched, per item: one upsert finding, on the first of them.
    const upserted = new Set<string>();
    const check = (match: QueryMatch | undefined): void => {
      // A function of the project that also awaits an upload, a payment or an HTTP call per item: the loop waits on that work, a concurrency
      // finding; unless it awaits that work first and then looks rows up one item at a time.
      if (!match || reported.has(match.call) || (match.site?.otherWork && !queriesAfterOtherWork(context, match))) return;
      const iteration = repeatingIteration(context, match.call, match.kind !== 'write');
      if (!iteration) return;
      // Drizzle's, libSQL's and D1's `batch` sends its statements in one request; Prisma's `$transaction([...])` runs them one by one.
      const inBatchTransaction = BATCHING_LIBRARIES.has(match.library) && feedsBatchTransaction(context, match.call, iteration);
      if (inBatchTransaction && match.library !== 'prisma') return;
      // `withEventLog('import', async () => { await db.update(...) })`: the query in the callback handed over is the finding.
      const held = heldQueryOf(context, match);
      if (held) match = held;
      // `await mapLimit(ids, 4, async (id) => { await goals.findByProject(id) })` per user: the query in the callback is the finding.
      if (repeatsInItemCallback(context, match)) return;
      if (locksInSortedOrder(context, match, iteration)) return;
      // `catch (error) { await logError(error) }`: runs for the items that failed, not for every item.
      if (handlesFailure(match.call, iterationScope(iteration))) return;
      // `catch (error) { for (const row of failedRows(error)) await save(row) }`: a retry of the items a batch failed on.
      if (retriesFailedItems(context, iteration)) return;
      // A function of the project tried item by item, the items it fails on kept apart: one call over the ids would not say which failed.
      if (match.site && recordsFailurePerItem(match.call, iterationScope(iteration))) return;
      // A compare-and-set per item whose result the iteration tests: one write over the ids would not say which rows were won.
      if (claimsRowPerItem(context, match, iterationScope(iteration))) return;
      // A function that opens its own transaction per item, re-reads the item's row under a lock or a state and leaves when it is
      // gone: an outbox or job worker's unit of work, which one read over the ids would turn into one long lock on them all.
      if (match.site?.claims) return;
      if (match.row && !rowVariesPerItem(context, match.call, iteration)) return;
      if (match.library === 'payload' && !match.site && perCollectionOrLocale(context, match.call, iteration)) return;
      if (!match.site && tableVariesPerItem(context, match, iteration)) return;
      if (match.site && match.call.type === AST_NODE_TYPES.CallExpression && runsOnItemDatabase(context, match.call, iteration)) return;
      // node-redis sends the commands of one tick as one pipeline: a command per item whose reply the item does not wait for is no round trip each.
      const pipelined = match.site ? match.site.pipelined : match.wrapper ? match.pipelined : onPipeliningClient(context, match.call);
      if (match.library === 'redis' && pipelined && notAwaitedPerItem(context, match.call, iteration)) return;
      // A loop with no items that reads a page per pass and hands the whole page on: one query per page.
      if (iteration.kind === 'loop' && readsPassPage(context, iteration.loop, match.call)) return;
      if (!match.site && writesGroupPerItem(context, match, iteration)) return;
      // `if (workspace.id === ACME_ID) await prisma.project.findUnique({ where: { id: DUB_ID } })`: the one item that matches reads one row.
      if (readsSameRowsEachItem(context, match, iteration) && onlyForOneItem(context, match.call, iteration)) return;
      // A read whose queries read none of what the item hands it is work to hoist; a write so repeated still changes a row per item.
      if (readsSameRowsPerItem(context, match, iterationScope(flattenedInto(iteration) ?? iteration))) return;
      // Once per start-up: a lifecycle hook, a loader, or a method only they call.
      if (runsOnlyAtBoot(context, enclosingFunction(iteration.kind === 'loop' ? iteration.loop : iteration.call))) return;
      // The item's upload, payment or mail call is what the iteration waits on: a concurrency finding, not a batched statement.
      if (waitsOnOtherWork(context, match.call, iteration.kind === 'loop' ? iteration.loop.body : iteration.callback, match.kind !== 'write')) return;
      // A different SQL statement for each item (per table, from a list of statements) cannot become one statement over the ids.
      // A statement a query builder writes for the item's row is the same statement shape each time, one per row.
      // So does text handed to a function of the project that sends it (`db.query(\`analyze "${table.name}"\`)` with `query: (text, params) => pool.query(text, params)`).
      const sqlHere = (!match.site && !match.sqlInWrapper && isRawStatement(match)) || handsSqlText(match);
      const rowStatement = sqlHere ? rawRowStatement(context, match.call, iteration) : undefined;
      if (match.site?.dynamicSql || (sqlHere && !rowStatement && (changesSchema(match.call) || sqlVariesPerItem(context, match.call, iteration)))) return;
      if (!match.site && sendsSchemaStatement(match)) return;
      if (inLiteralCaseOfItem(context, match.call, iteration)) return;
      const kinds = kindSwitchOf(context, match.call, iteration);
      if (kinds && reportedSwitches.has(kinds)) return;
      if (kinds) reportedSwitches.add(kinds);
      const scope = iterationScope(iteration);
      const siteKey = (match.site || match.wrapper) && `${scope.range[0]}:${calleeText(context, match.call)}`;
      if (siteKey && reportedSites.has(siteKey)) return;
      if (siteKey) reportedSites.add(siteKey);
      const receiver = match.site ? undefined : receiverText(context, match.call);
      const receiverKey = `${scope.range[0]}:${receiver}`;
      if (receiver && match.kind === 'write' && writeOperation(match.operation) === 'create' && foundThenCreated.has(receiverKey)) return;
      if (receiver && match.kind === 'write' && writeOperation(match.operation) !== 'delete' && upserted.has(receiverKey)) return;
      const upserts = receiver !== undefined && upsertsPerItem(context, match, receiver, scope);
      const findsThenCreates = !upserts && receiver !== undefined && match.kind === 'read' && createsAfter(context, match.call, receiver, scope);
      if (findsThenCreates) foundThenCreated.add(receiverKey);
      if (upserts) upserted.add(receiverKey);
      reported.add(match.call);
      const keyed = match.site || match.keyColumn !== undefined;
      const fieldSet = keyed ? undefined : (fieldSetPerItem(context, match, iterationScope(iteration)) ?? itemColumnOf(context, match, iteration));
      if (fieldSet) match = { ...match, keyColumn: fieldSet, severalColumns: undefined };
      if (!match.site && match.kind === 'read' && match.call.type !== AST_NODE_TYPES.MemberExpression && takesTopRows(context, match.call, match.operation))
        match = { ...match, topRows: true };
      const text = context.text.slice(match.range[0], match.range[1]);
      // A query in a `.then` callback has no loop of its own to hoist it out of.
      // A function handed by reference has no call in the code to rewrite.
      const fix = enclosingIteration(match.call) && !standsIn(match.call) && !inBatchTransaction ? hoistedLookupFix(context, match, iteration) : undefined;
      const site = match.site;
      const query = quotedCode(text);
      const perChunk = inChunks(context, iteration) ? ` ${PER_CHUNK}` : '';
      const dialect = sqlDialect(context, match.library);
      const nodeRedis = match.library === 'redis' && usesNodeRedis(context);
      // `(async () => { ... await prisma.x.findMany(...) })()` runs in the loop: the query it holds is the finding.
      if (site && site.file === context.fileName && isInlineCall(match.call)) {
        context.report({
          range: [site.start, site.end],
          messageId: match.kind === 'write' ? 'write' : 'query',
          data: {
            query: site.text,
            library: libraryName(match.library),
            batched:
              forRedisClient(
                forDialect(batchedForm({ ...match, site: undefined, ...(site.topRows && { topRows: true as const }) }).replace(/`/g, ''), dialect),
                nodeRedis,
              ) + perChunk,
          },
        });
        return;
      }
      if (site) {
        const where = site.file === context.fileName ? `line ${site.line}` : `${baseName(site.file)}:${site.line}`;
        // `commandBus.execute(UpdateEmployeeCommand)`: a bus call is named by the class whose handler runs.
        const dispatched = match.call.type === AST_NODE_TYPES.CallExpression ? dispatchedClass(context, match.call) : undefined;
        // What the advice asks to take every item: the function called, or the handler a bus runs.
        // `(async () => { … })()` quoted whole would print its body: the finding on it names it by its form.
        const inline = isInlineCall(match.call) && coversCallee(match);
        // `getShelfFactory({ db })(id)`: the function a call makes, named by that call with its arguments left out (so is a query site's).
        const called = query.replace(CALL_ARGUMENTS_AT_END, '(...)');
        const named = inline ? 'this inline function' : dispatched === undefined ? shortCallName(called) : `the handler of ${dispatched}`;
        context.report({
          range: match.range,
          messageId: dispatched === undefined ? 'chain' : 'dispatch',
          data: {
            query: inline ? inlineFunctionLabel(match.call) : dispatched === undefined ? shortCallName(called) : `${shortCallName(called)}(${dispatched})`,
            what: match.kind !== 'write' ? 'query' : site.readsToo && !holdsSite(context, match.call, site) ? 'read and a write' : 'write',
            site: `${shortCallName(site.text.replace(CALL_ARGUMENTS_AT_END, '(...)'), site.model)}, ${where}`,
            batched:
              forRedisClient(
                forDialect(
                  match.pickedEntry
                    ? PICKED_ENTRY_BATCH
                    : callsTreeWalk(context, match.call)
                      ? match.kind === 'write'
                        ? TREE_IN_ONE_WRITE
                        : TREE_IN_ONE_QUERY
                      : (itemListAdvice(context, match.call, iteration, shortCallName(query)) ??
                        batchedSiblingAdvice(context, match.call, iteration) ??
                        // A method that writes several times per call is batched as a whole, not by the one statement named; the callback this loop hands it holds its statements.
                        // One whose backend is picked at run time among libraries is batched as a whole too: no one library's form fits.
                        (holdsSite(context, match.call, site) && !site.backendsDisagree
                          ? batchedForm(match)
                          : site.writes || site.readsToo || site.backendsDisagree
                            ? severalWrites(named)
                            : (findOrCreate(match.kind, site) ?? readsAndWrites(site, named) ?? batchedForm(match)))),
                  dialect,
                ),
                nodeRedis,
              ) + perChunk,
          },
          related: [
            {
              file: site.file,
              start: site.start,
              end: site.end,
              line: site.line,
              column: site.column,
              message: `the ${match.kind === 'write' ? 'write' : 'query'} that runs once per item`,
            },
          ],
          ...(fix && { fix }),
        });
        return;
      }
      // A walk from each item (its own loop reads what the last step found) is a tree read or written one node at a time.
      const innermost = held ? iteration : perItemIteration(context, match.call);
      const walked = !innermost || iterationScope(innermost) !== iterationScope(iteration);
      // `await this.insertStatuses([record])`: a function that takes a list, handed one item's.
      const listAdvice = match.wrapper ? itemListAdvice(context, match.call, iteration, shortCallName(query)) : undefined;
      const shape = queryShapeOf(context, match, iterationScope(iteration));
      // The batch is one transaction already: the advice is the one statement that replaces its statements.
      // What the batch resolves to is one array, seldom read: `createMany` rather than `createManyAndReturn`.
      const batchShape = inBatchTransaction ? { keyFields: [], ...shape, inTransaction: true, usesCreated: undefined } : shape;
      const batched = walked
        ? match.kind === 'write'
          ? TREE_IN_ONE_WRITE
          : TREE_IN_ONE_QUERY
        : listAdvice
          ? listAdvice
          : rowStatement
            ? ONE_ROW_STATEMENT_FOR_ALL[rowStatement] + perChunk
            : upserts
              ? upsertBatch(match, batchShape)
              : findsThenCreates
                ? findThenCreateBatch(match)
                : readsSameRowsEachItem(context, match, iteration)
                  ? SAME_ROWS_ONCE
                  : changesSameCounterEachItem(context, match, iteration)
                    ? ONE_COUNTER_CHANGE
                    : setsSameKeyEachItem(context, match, iteration)
                      ? SAME_KEY_ONCE
                      : batchedForm(match, batchShape, itemComparisonOf(context, match, iterationScope(iteration)), ownCounterAmount(context, match)).replace(
                          /`/g,
                          '',
                        ) + perChunk;
      context.report({
        range: match.range,
        messageId: match.kind === 'write' ? 'write' : match.kind === 'relation' ? 'relation' : 'query',
        data: {
          query: match.named ?? shortCallName(query, match.model),
          library: libraryName(match.library),
          batched: `${inBatchTransaction ? `${PRISMA_BATCH_STATEMENTS} ` : ''}${forRedisClient(forDialect(batched, dialect), nodeRedis)}`,
        },
        ...(fix && { fix }),
      });
    };
    // `Stream: { owner: (stream) => db.select().from(users).where(eq(users.id, stream.ownerId)) }`: the executor calls a field
    // resolver once for every parent object of a list, a loop the code does not show.
    const checkFieldResolver = (node: TSESTree.CallExpression): void => {
      const fn = enclosingFunction(node);
      const resolver = fn && fn.params.length > 0 ? fieldResolverOf(context, fn) : undefined;
      if (!fn || !resolver || loadsThroughBatchLoader(context, node)) return;
      // A type the schema never lists is resolved for one parent a request; a page per parent is one query per parent by the API's design.
      if (!parentComesInList(context, resolver.type) || pagesByArguments(context, resolver) || onlyForRequester(context, resolver, fn, node)) return;
      const match = queryCallOf(context, node);
      if (!match || match.kind === 'write' || reported.has(match.call) || batchesPerTick(match)) return;
      const whole = callChainTop(match.call);
      const key = parentKeyRead(context, whole, resolver, fn);
      if (!key || readsFieldArguments(context, whole, resolver)) return;
      reported.add(match.call);
      const site = match.site;
      const query = shortCallName(quotedCode(context.text.slice(match.range[0], match.range[1])), site ? undefined : match.model);
      const where = site && (site.file === context.fileName ? `line ${site.line}` : `${baseName(site.file)}:${site.line}`);
      context.report({
        range: match.range,
        messageId: site ? 'resolverChain' : 'resolver',
        data: {
          query: site ? `${query}()` : (match.named ?? query),
          library: libraryName(match.library),
          type: resolver.type,
          field: resolver.field,
          site: site ? `${shortCallName(site.text, site.model)}, ${where}` : '',
          batched: resolverBatch(match, key),
        },
        ...(site && {
          related: [
            { file: site.file, start: site.start, end: site.end, line: site.line, column: site.column, message: 'the query that runs once per parent' },
          ],
        }),
      });
    };
    return {
      // Only what runs per item can be N+1: the cheap walk up to the loop comes before resolving names.
      CallExpression(node: TSESTree.CallExpression) {
        if (perItemIteration(context, node)) check(queryCallOf(context, node));
        else checkFieldResolver(node);
        // `rows.map(handleRow)`, `pMap(items, this.saveItem.bind(this))`: the function handed by reference runs per item as an inline callback would.
        for (const callback of handedReferences(context, node)) if (perItemIteration(context, callback.body)) check(queryCallOf(context, callback.body));
      },
      TaggedTemplateExpression(node: TSESTree.TaggedTemplateExpression) {
        if (perItemIteration(context, node)) check(taggedQueryOf(context, node));
      },
      MemberExpression(node: TSESTree.MemberExpression) {
        if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) return;
        if (perItemIteration(context, node)) check(lazyRelationOf(context, node));
      },
    };
  },
};

/** Loading a relation with the query that loads its parents, by library: the parents' query then brings every parent's rows. */
const EAGER_LOADS: Partial<Record<QueryMatch['library'], string>> = {
  prisma: 'include',
  typeorm: 'relations',
  sequelize: 'include',
  mongoose: 'populate',
  'mikro-orm': 'populate',
  objection: 'withGraphFetched',
  drizzle: 'with',
};

/** The advice for a query a field resolver runs per parent: a DataLoader keyed by what it reads of the parent, or eager loading. */
function resolverBatch(match: QueryMatch, key: string): string {
  // A count is no relation to load with the parents.
  const eager = match.site || /count/i.test(match.operation) ? undefined : EAGER_LOADS[match.library];
  return `Batch it with a DataLoader keyed by ${key} (one query for the whole list)${eager ? `, or load it with the parents' query (${eager})` : ''}.`;
}

/**
 * Prisma's `findUnique` (and the fluent relation read after it) joins every call of the same tick into one query, its own
 * DataLoader: resolvers of one list run in the same tick. So does a function of the project whose every query is one.
 */
function batchesPerTick(match: QueryMatch): boolean {
  if (match.site) return match.site.batchedPerTick === true;
  if (match.library !== 'prisma') return false;
  if (/^findUnique(?:OrThrow)?$/.test(match.operation)) return true;
  const call = match.call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(match.call.callee) : undefined;
  const source = call?.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(call.object) : undefined;
  const inner = source?.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(source.callee) : undefined;
  return inner?.type === AST_NODE_TYPES.MemberExpression && /^findUnique(?:OrThrow)?$/.test(propertyName(inner) ?? '');
}

const LIBRARY_NAMES: Record<QueryMatch['library'], string> = {
  prisma: 'Prisma',
  typeorm: 'TypeORM',
  sequelize: 'Sequelize',
  mongoose: 'Mongoose',
  'mikro-orm': 'MikroORM',
  objection: 'Objection',
  drizzle: 'Drizzle',
  knex: 'Knex',
  pg: 'PostgreSQL',
  slonik: 'Slonik',
  postgres: 'postgres.js',
  'pg-promise': 'pg-promise',
  mysql2: 'MySQL',
  kysely: 'Kysely',
  mongodb: 'MongoDB',
  redis: 'Redis',
  payload: 'Payload',
  neon: 'PostgreSQL',
  libsql: 'libSQL',
  d1: 'D1',
  clickhouse: 'ClickHouse',
  redbean: 'RedBeanNode',
  waterline: 'Waterline',
  meteor: 'Meteor',
  fastify: 'Fastify',
  supabase: 'Supabase',
  dynamodb: 'DynamoDB',
  'dynamodb-toolbox': 'DynamoDB',
  elasticsearch: 'Elasticsearch',
  opensearch: 'OpenSearch',
  meilisearch: 'Meilisearch',
  algolia: 'Algolia',
  bullmq: 'BullMQ',
  'bee-queue': 'Bee-Queue',
  'pg-boss': 'pg-boss',
};

/**
 * `features.flatMap((feature) => feature.parents.map((parent) => link(feature.id, parent)))`: one flat list of calls, one per
 * pair; the outer callback binds both items, and the list is short only when both lists are.
 */
function flattenedInto(iteration: Iteration): Iteration | undefined {
  if (iteration.kind !== 'callback') return undefined;
  const whole = iteration.call.parent?.type === AST_NODE_TYPES.ReturnStatement ? iteration.call.parent : iteration.call;
  const outer = whole.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(whole) : whole.parent;
  const call = outer && isFunction(outer) ? arrayCallbackCall(outer) : undefined;
  return call?.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(call.callee) === 'flatMap'
    ? { kind: 'callback', call, callback: outer as FunctionNode }
    : undefined;
}

/** The advice for a read whose every argument is the same for each item. */
const SAME_ROWS_ONCE = 'Every item reads the same rows: run the query once, before the loop, and use its result for each item.';

/**
 * `for (const user of users) await prisma.comment.findMany({ where: { projectId } })`: a read over the items whose call (its
 * client, its arguments, the chain it ends) reads nothing the item or the loop changes returns the same rows each time.
 */
function readsSameRowsEachItem(context: RuleContext, match: QueryMatch, iteration: Iteration): boolean {
  return match.kind === 'read' && sameCallEachItem(context, match, iteration);
}

/** `for (const subscriber of subscribers) await tx('triggers').where('id', trigger.id).increment('count')`: every item adds to one row. */
function changesSameCounterEachItem(context: RuleContext, match: QueryMatch, iteration: Iteration): boolean {
  return match.kind === 'write' && COUNTERS.has(match.operation) && sameCallEachItem(context, match, iteration);
}

/** The advice for a walk of a tree through a queue: the nodes of one level are one query. */

/** The advice for a key every item overwrites: only the last item's value is left. */
const SAME_KEY_ONCE = "Every item overwrites the same key: set it once, after the loop, with the last item's value.";

/** Redis commands that replace a key's value with the one they are given. */
const OVERWRITING_COMMANDS: ReadonlySet<string> = new Set(['set', 'setex', 'setEx', 'psetex', 'pSetEx']);

/** `for (const message of messages) await redis.set(\`ack:${group}\`, message.id)`: every item overwrites one key no item names. */
function setsSameKeyEachItem(context: RuleContext, match: QueryMatch, iteration: Iteration): boolean {
  if (match.library !== 'redis' || !OVERWRITING_COMMANDS.has(match.operation) || match.call.type !== AST_NODE_TYPES.CallExpression) return false;
  if (iteration.kind === 'loop' && iteration.loop.type !== AST_NODE_TYPES.ForOfStatement && iteration.loop.type !== AST_NODE_TYPES.ForInStatement) return false;
  const scope = iterationScope(iteration);
  const key = match.call.arguments[0];
  return !!key && !readsIteration(context, key, scope) && !assignsIn(context, key, scope);
}

/** A literal, or a constant of the code (`ACME_WORKSPACE_ID`, `Plan.Free`): a value no item changes. */
function isFixedValue(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return true;
  if (node.type === AST_NODE_TYPES.Identifier) return isCodeConstant(context, node);
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(node.object.name);
}

/** `if (item.id === FIXED_ID) …`: a branch an item takes only when its own value is that constant, one item of a list of distinct ones. */
function onlyForOneItem(context: RuleContext, query: TSESTree.Node, iteration: Iteration): boolean {
  const scope = iterationScope(iteration);
  for (let node = query; node.parent && node !== scope; node = node.parent) {
    const parent = node.parent;
    if (parent.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== node) continue;
    const test = parent.test;
    if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '===' && test.operator !== '==')) continue;
    const [fixed, other] = isFixedValue(context, test.right) ? [test.right, test.left] : [test.left, test.right];
    if (isFixedValue(context, fixed) && readsIteration(context, other, scope)) return true;
  }
  return false;
}

/** Whether a query's call (its client, its arguments, the chain it ends) reads nothing the item or the loop changes. */
function sameCallEachItem(context: RuleContext, match: QueryMatch, iteration: Iteration): boolean {
  if (match.call.type === AST_NODE_TYPES.MemberExpression) return false;
  // A counter or a condition loop may page or poll: only a loop over items or an array callback repeats the same call.
  if (iteration.kind === 'loop' && iteration.loop.type !== AST_NODE_TYPES.ForOfStatement && iteration.loop.type !== AST_NODE_TYPES.ForInStatement) return false;
  const scope = iterationScope(iteration);
  const whole = match.call.type === AST_NODE_TYPES.CallExpression ? callChainTop(match.call) : match.call;
  // `findFirst({ select: { [field]: true }, where: { id } })`: which columns the item wants, of the same row.
  const call = match.library === 'prisma' && whole === match.call && match.call.type === AST_NODE_TYPES.CallExpression ? match.call : undefined;
  const options = call?.arguments[0];
  const filters =
    call && options?.type === AST_NODE_TYPES.ObjectExpression
      ? [
          call.callee,
          ...options.properties.filter((property) => property.type !== AST_NODE_TYPES.Property || !/^(?:select|include|omit)$/.test(keyName(property) ?? '')),
        ]
      : [whole];
  return filters.every((node) => !readsIteration(context, node, scope) && !assignsIn(context, node, scope));
}

/**
 * `withEventLog('import', async () => { await db.update(...) })`: the query, or the call of a function of the project, that a
 * callback written among a call's arguments runs, when that is what the call's site names.
 */
function heldQueryOf(context: RuleContext, match: QueryMatch): QueryMatch | undefined {
  const site = match.site;
  if (!site || site.file !== context.fileName || match.call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  // A callback handed a handle (`db.transaction(async (tx) => …)`) runs its statements on what the call opens: the call is the unit.
  const callback = match.call.arguments.find(
    (argument) => isFunction(argument) && argument.params.length === 0 && site.start >= argument.range[0] && site.end <= argument.range[1],
  );
  let held: QueryMatch | undefined;
  if (callback)
    visitAll(callback, (node) => {
      if (held || node.range[0] !== site.start || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.TaggedTemplateExpression))
        return;
      const found = node.type === AST_NODE_TYPES.CallExpression ? queryCallOf(context, node) : taggedQueryOf(context, node);
      if (found && found.range[0] === site.start && found.range[1] === site.end) held = found;
    });
  return held;
}

/**
 * `await mapLimit(projectIds, 4, async (id) => { await this.goalService.findByProject(id) })` in a loop over users: a helper
 * handed a callback it runs per element of a list, whose query the callback runs per element too. That query is reported
 * where the callback calls it, against the callback's own items, which run once per item of the outer loop as well.
 */
function repeatsInItemCallback(context: RuleContext, match: QueryMatch): boolean {
  const site = match.site;
  if (!site || match.call.type !== AST_NODE_TYPES.CallExpression) return false;
  return match.call.arguments.some((argument) => {
    if (!isFunction(argument) || argument.params.length === 0 || !itemCallbackList(context, argument)) return false;
    let repeats = false;
    visitAll(argument.body, (node) => {
      if (repeats || node.type !== AST_NODE_TYPES.CallExpression || !perItemIteration(context, node)) return;
      const found = queryCallOf(context, node);
      const at = found?.site ?? (found && { file: context.fileName, start: found.range[0] });
      repeats = !!at && at.file === site.file && at.start === site.start && !!repeatingIteration(context, node, found!.kind !== 'write');
    });
    return repeats;
  });
}

/**
 * `query.participants = agent.userId` before `Request.countDocuments(query)`: the one field of a MongoDB filter built before
 * the loop that each item sets, the key the batched query groups by.
 */
function fieldSetPerItem(context: RuleContext, match: QueryMatch, scope: TSESTree.Node): string | undefined {
  if ((match.library !== 'mongoose' && match.library !== 'mongodb') || match.call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const filter = match.call.arguments[0];
  const variable = filter?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, filter) : undefined;
  const fields = new Set<string | undefined>();
  for (const reference of variable?.references ?? []) {
    const member = reference.identifier.parent;
    if (!contains(scope, reference.identifier) || member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    if (member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member) fields.add(propertyName(member));
  }
  const [field] = fields;
  return fields.size === 1 ? field : undefined;
}

/** `uid` of `findOne({ where: { uid: row.uid, user_id: userId } })`: of the columns a query filters on, the one the item gives, when filterColumn names none. */
function itemColumnOf(context: RuleContext, match: QueryMatch, iteration: Iteration): string | undefined {
  if (filterColumn(match) !== undefined) return undefined;
  const scope = iterationScope(iteration);
  return itemFilterColumn(
    match,
    (value) => readsIteration(context, value, scope),
    (node) => node && constValueOf(context, node),
  );
}

/** The call a function handed by reference stands for (see `standInCallback`): not written in the code. */
function standsIn(call: QueryMatch['call']): boolean {
  return !!call.parent && 'standsFor' in call.parent;
}

/** A function called where it is written (`(async () => { ... })()`). */
function isInlineCall(call: QueryMatch['call']): boolean {
  return call.type === AST_NODE_TYPES.CallExpression && isFunction(unwrapExpression(call.callee));
}

/** Whether the finding's range holds the whole function its call calls (not a call inside that function). */
function coversCallee(match: QueryMatch): boolean {
  if (match.call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(match.call.callee);
  return match.range[0] <= callee.range[0] && match.range[1] >= callee.range[1];
}

/** `(async () => { … })` for a function called where it is written: its body is no name to quote. */
function inlineFunctionLabel(call: QueryMatch['call']): string {
  const fn = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  const async = fn && 'async' in fn && fn.async ? 'async ' : '';
  return fn?.type === AST_NODE_TYPES.ArrowFunctionExpression ? `(${async}() => { … })` : `(${async}function () { … })`;
}

/**
 * A call as a message names it, short enough for one line: without `this.`, its last
 * members (`invoiceService.totals`), and for a repository got by a call, the entity and the
 * operation (`OrderLine.save` for `this.connection.getRepository(ctx,OrderLine).save`).
 */
function shortCallName(text: string, model?: string): string {
  // `this.create` keeps its `this.`: a bare `create` would not say whose.
  const members = topLevelMembers(/^this\.[^.]+\./.test(text) ? text.slice('this.'.length) : text);
  const operation = members[members.length - 1]!;
  // `getRepository(ctx,OrderLine)` is a call on the way, named by what follows it (`callerFor(ctx).notes.save` as `notes.save`); `(prisma as any)` is only in brackets.
  const afterCall = members.slice(0, -1).reduce((after, member, index) => (/^[^(]+\(/.test(member) ? index + 1 : after), 0);
  if (afterCall > 0) return model ? `${model}.${operation}` : members.slice(afterCall).slice(-2).join('.');
  const three = members.slice(-3).join('.');
  return three.length <= MAX_NAME_LENGTH ? three : members.slice(-2).join('.');
}

/** The arguments of a call that ends a callee (`({ db })` of `getShelfFactory({ db })`), one level of brackets inside. */
const CALL_ARGUMENTS_AT_END = /\((?:[^()]|\([^()]*\))*\)$/;

/** Longest member chain a chain's message quotes in full. */
const MAX_NAME_LENGTH = 40;

/** `a.b(c.d).e` as `['a', 'b(c.d)', 'e']`: the dots outside brackets. */
function topLevelMembers(text: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '(' || character === '[' || character === '<') depth++;
    else if (character === ')' || character === ']' || character === '>') depth--;
    else if (character === '.' && depth === 0) {
      members.push(text.slice(start, index));
      start = index + 1;
    }
  }
  members.push(text.slice(start));
  return members;
}

function baseName(file: string): string {
  return file.slice(file.replace(/\\/g, '/').lastIndexOf('/') + 1);
}

function libraryName(library: QueryMatch['library']): string {
  return LIBRARY_NAMES[library];
}

import {
  declarationOf,
  isHandle,
  lookupExport,
  packageMemberOf,
  exportAndMethod,
  mergeModelFact,
  transactionHandleOf,
  moduleKey,
  backendsDisagree,
  throughHeld,
  typeAt,
  type FieldEntry,
  type ModelFact,
  type ProjectModels,
  type QuerySite,
  type TypeLocation,
} from '../analysis/orm-index';
import { packageTypeValue, type OrmValue } from '../analysis/orm';
import type { ProjectFacts, TypeRef } from '../project';
import { declaresBeyondUses } from '../project-facts';
import { sharedLists, type ArgumentLists } from './argument-lists';
import { pickedModuleKeys, type ResolutionData } from './resolution';
import { resolveMadeClients } from './made-clients';
import { awaitsOutsideWork, MAX_CHAIN_DEPTH, resolveSummary, type FunctionSummary } from './summaries';

const MAX_INHERITANCE = 6;

/**
 * A file's summary is made before the project is known, when a bare import (`shared/db`, a workspace package or a
 * `paths` alias) reads as a package: the other work it took its query to await is told again from its modules here.
 */
function withoutGuessedWork(summary: FunctionSummary): FunctionSummary {
  if (!summary.site?.otherWork) return summary;
  const { otherWork: _guessed, ...site } = summary.site;
  return { ...summary, site };
}

/**
 * Merges the facts of every file of a project into what the rules read through
 * `ProjectInfo.models`: re-exports resolved to files, classes that extend a model or a
 * repository of another file given the same nature, and every exported function's summary
 * resolved across files to the query it runs, if any.
 */
export function mergeProjectFacts(all: Iterable<ProjectFacts>, resolution?: ResolutionData, implementers?: ReadonlyMap<string, number>): ProjectModels {
  const files = [...all];
  const models = new Map<string, ModelFact>();
  const merged: ProjectModels = {
    models: {},
    exports: {},
    reexports: {},
    packageReexports: {},
    functions: {},
    bases: {},
    fields: {},
    aliases: {},
    ...(resolution && { resolution }),
  };
  const summaries = new Map<string, FunctionSummary>();
  const pathByKey = new Map<string, string>();
  for (const facts of files) {
    pathByKey.set(facts.file, facts.path);
    for (const model of facts.models) mergeModelFact(models, model);
    if (facts.exports.length > 0) {
      const byName: Record<string, OrmValue> = (merged.exports[facts.file] ??= {});
      for (const { name, value } of facts.exports) byName[name] = value;
    }
    // Placeholders, so that resolution knows these files before their summaries are resolved.
    for (const name of Object.keys(facts.functions ?? {})) {
      summaries.set(`${facts.file}\0${name}`, facts.functions![name]!);
      (merged.functions![facts.file] ??= {})[name] = PENDING;
      const cacheFirst = facts.functions![name]!.cacheFirst;
      if (cacheFirst) ((merged.cacheFirst ??= {})[facts.file] ??= {})[name] = cacheFirst;
    }
    if (facts.reexports) merged.reexports![facts.file] = [];
    if (facts.classes) merged.bases![facts.file] = {};
    if (facts.fields) merged.fields![facts.file] = Object.fromEntries(Object.keys(facts.fields).map((name) => [name, {}]));
    if (facts.aliases) merged.aliases![facts.file] = {};
  }
  for (const facts of files) {
    for (const edge of facts.reexports ?? []) {
      // `module.exports = require(`./${name}`)`: each module of the folder the file may pick, the first that has a name giving it.
      const picked = pickedModuleKeys(pathByKey.keys(), facts.path, edge.module);
      for (const module of picked) merged.reexports![facts.file]!.push({ target: module });
      const target = picked.length > 0 ? undefined : moduleKey(merged, facts.path, edge.module);
      if (target !== undefined)
        merged.reexports![facts.file]!.push({ target, ...(edge.names && { names: edge.names }), ...(edge.holds !== undefined && { holds: edge.holds }) });
      // A mixin applied by two files cannot tell which one its object is.
      if (target !== undefined && edge.mixin) (merged.mixedInto ??= {})[target] = (merged.mixedInto[target] ?? facts.file) === facts.file ? facts.file : '';
      // `export * from '@prisma/client'`, or from a client generated outside the sources: what the file hands on is that module's own.
      // An export that holds the whole package (`export * as mongodb from 'mongodb'`) names the package's root, as a default import does.
      const names = edge.holds !== undefined ? { [edge.holds]: 'default' } : edge.names;
      if (edge.database) (merged.packageReexports![facts.file] ??= []).push({ module: edge.module, ...(names && { names }) });
      if (edge.database && edge.names) exportPackageTypes(merged, facts.file, edge.module, edge.names);
    }
    for (const [name, { base, exported }] of Object.entries(facts.classes ?? {})) {
      const key = base.module === '' ? facts.file : moduleKey(merged, facts.path, base.module);
      if (key === undefined) continue;
      const found = declarationOf(merged, key, base.name, (file, candidate) => !!merged.exports[file]?.[candidate] || !!merged.bases![file]?.[candidate]);
      // Known by its class name and by every name it is exported under (`default`).
      for (const alias of new Set([name, ...exported])) merged.bases![facts.file]![alias] = found ?? { key, name: base.name };
    }
  }
  resolveHandlers(files, merged);
  resolveModelFunctions(files, merged);
  resolveDecorations(files, merged);
  resolveMadeClients(files, merged, MAX_INHERITANCE);
  const shared = resolveImplementations(files, merged, implementers);
  inheritClassValues(files, merged, models);
  resolveHeldArguments(files, merged);
  resolveFields(files, merged);
  merged.models = Object.fromEntries(models);
  resolveInjectedCalls(files, merged, summaries);
  resolveFunctionCalls(files, merged, summaries);
  resolveMethodCalls(files, merged);
  // The handles callbacks are given are known before summaries are resolved: a query on one, in another file, is resolved through them.
  resolveOpenedTransactions(merged, summaries, pathByKey);
  resolveCallbackHandles(files, merged);
  resolveFunctions(merged, summaries, pathByKey);
  // What the methods of several implementations run is known once they are resolved; a class found to stand for its interface is followed by a second pass.
  if (resolveSharedImplementations(shared, merged)) resolveFunctions(merged, summaries, pathByKey);
  resolveParameterQueries(merged, summaries);
  return merged;
}

/**
 * What each base class of the project is handed at each constructor position by its subclasses (`super(Task)`): the one kind
 * of handle they all hand there (models of one ORM), else null, as which one a method of the base queries is not told.
 */
function resolveHeldArguments(files: readonly ProjectFacts[], merged: ProjectModels): void {
  const held: NonNullable<ProjectModels['heldArguments']> = {};
  for (const facts of files)
    for (const [className, { superArguments }] of Object.entries(facts.classes ?? {})) {
      const base = superArguments && merged.bases?.[facts.file]?.[className];
      if (!base) continue;
      const byPosition = ((held[base.key] ??= {})[base.name] ??= {});
      superArguments.forEach((argument, position) => {
        const value = argument ? lookupExport(merged, facts.path, argument.module, argument.name) : undefined;
        const known = Object.hasOwn(byPosition, position) ? byPosition[position] : undefined;
        byPosition[position] =
          value && (known === undefined || (known?.orm === value.orm && known.kind === value.kind)) ? { kind: value.kind, orm: value.orm } : null;
      });
    }
  if (Object.keys(held).length > 0) merged.heldArguments = held;
}

/**
 * The class that handles each command or query class, by the name of that class: a bus dispatches by the class, and a
 * name two files' handlers claim (two packages' `CreateUserCommand`) is left out, as which one a call means is not told.
 */
function resolveHandlers(files: readonly ProjectFacts[], merged: ProjectModels): void {
  const found = new Map<string, { key: string; name: string } | null>();
  for (const facts of files)
    for (const [message, handler] of Object.entries(facts.handlers ?? {})) found.set(message, found.has(message) ? null : { key: facts.file, name: handler });
  const handlers: Record<string, { key: string; name: string }> = {};
  for (const [message, handler] of found) if (handler) handlers[message] = handler;
  if (Object.keys(handlers).length > 0) merged.handlers = handlers;
}

/** The file that declares each Sequelize model's own functions; a model two files give functions is left out, as which file a name means is not told. */
function resolveModelFunctions(files: readonly ProjectFacts[], merged: ProjectModels): void {
  const found = new Map<string, string | null>();
  for (const facts of files) for (const model of facts.modelFunctions ?? []) found.set(model, found.has(model) ? null : facts.file);
  const modelFunctions: Record<string, string> = {};
  for (const [model, key] of found) if (key !== null) modelFunctions[model] = key;
  if (Object.keys(modelFunctions).length > 0) merged.modelFunctions = modelFunctions;
}

/** The handle each Fastify decorator holds, by name; a name files decorate with different kinds of handle is left out, as which one a route reads is not told. */
function resolveDecorations(files: readonly ProjectFacts[], merged: ProjectModels): void {
  const found = new Map<string, OrmValue | null>();
  for (const facts of files)
    for (const [name, value] of Object.entries(facts.decorations ?? {})) {
      const known = found.get(name);
      found.set(name, known === undefined || (known && known.orm === value.orm && known.kind === value.kind) ? value : null);
    }
  const decorations: Record<string, OrmValue> = {};
  for (const [name, value] of found) if (value) decorations[name] = value;
  if (Object.keys(decorations).length > 0) merged.decorations = decorations;
}

/** The functions that run queries on a handle they are given, and that run none of their own. */
function resolveParameterQueries(merged: ProjectModels, summaries: ReadonlyMap<string, FunctionSummary>): void {
  for (const [id, summary] of summaries) {
    const [key, name] = id.split('\0') as [string, string];
    if (summary.parameterQueries && !merged.functions![key]?.[name]) ((merged.parameterQueries ??= {})[key] ??= {})[name] = summary.parameterQueries;
  }
}

/** The functions that open a transaction for a callback, with the handle the callback gets once the import of its client is resolved. */
function resolveOpenedTransactions(merged: ProjectModels, summaries: ReadonlyMap<string, FunctionSummary>, pathByKey: ReadonlyMap<string, string>): void {
  for (const [id, summary] of summaries) {
    const [key, name] = id.split('\0') as [string, string];
    const opened = summary.opensTransaction;
    const client = opened?.client && lookupExport(merged, pathByKey.get(key) ?? key, opened.client.module, opened.client.name);
    const handle = opened?.handle ?? transactionHandleOf(client);
    if (opened && handle) ((merged.transactions ??= {})[key] ??= {})[name] = { parameter: opened.parameter, handle };
  }
}

/** The handles functions' declared parameter types give the callbacks they take, once the imported types they name are resolved. */
function resolveCallbackHandles(files: readonly ProjectFacts[], merged: ProjectModels): void {
  for (const facts of files) {
    for (const [name, entries] of Object.entries(facts.callbacks ?? {})) {
      const resolved = entries.flatMap(({ handle, type, ...site }) => {
        const value =
          handle ??
          (type &&
            (type.module === ''
              ? ownExport(merged, facts.file, type.name)
              : (lookupExport(merged, facts.path, type.module, type.name) ?? reexportedPackageType(merged, facts.path, type))));
        return value && isHandle(value) ? [{ ...site, handle: value }] : [];
      });
      if (resolved.length > 0) ((merged.callbackHandles ??= {})[facts.file] ??= {})[name] = resolved;
    }
  }
}

/**
 * `export { Entity, Table } from 'dynamodb-toolbox'`: the handles a file re-exports by name, as if it declared them, so that a call on a
 * value typed by one (`entity.get(key)` with `entity: Entity` imported from that file) is known in other files.
 */
function exportPackageTypes(merged: ProjectModels, file: string, module: string, names: Readonly<Record<string, string>>): void {
  for (const [exported, imported] of Object.entries(names)) {
    const value = imported === 'default' ? undefined : packageTypeValue({ module, path: [imported] }, undefined);
    if (value && isHandle(value)) (merged.exports[file] ??= {})[exported] ??= value;
  }
}

/** `PrismaClient` of a workspace package that re-exports `@prisma/client`: the package's type. */
function reexportedPackageType(merged: ProjectModels, path: string, type: TypeRef): OrmValue | undefined {
  const origin = packageMemberOf(merged, path, type.module, type.name);
  return origin && packageTypeValue(origin, undefined);
}

/** `fn: (tx: DB) => Promise<T>` with `export type DB = ...` in the same file: the handle that file exports under the name, or re-exports. */
function ownExport(merged: ProjectModels, key: string, name: string): OrmValue | undefined {
  const found = declarationOf(merged, key, name, (file, exported) => !!merged.exports[file]?.[exported]);
  return found && merged.exports[found.key]![found.name];
}

/** Each method other classes call through an instance they are given, under the file that declares its class: whether every such call runs at boot. */
function resolveInjectedCalls(files: readonly ProjectFacts[], merged: ProjectModels, summaries: ReadonlyMap<string, FunctionSummary>): void {
  if (!files.some((facts) => facts.injectedCalls)) return;
  // The classes whose methods run a query, by file: the calls worth knowing lead to one of them.
  const classes = new Set<string>();
  for (const id of summaries.keys()) {
    const dot = id.indexOf('.', id.indexOf('\0'));
    if (dot > 0) classes.add(id.slice(0, dot));
  }
  const calls: Record<string, Record<string, boolean>> = {};
  for (const facts of files) {
    for (const call of facts.injectedCalls ?? []) {
      const key = moduleKey(merged, facts.path, call.module);
      const found = key === undefined ? undefined : declarationOf(merged, key, call.name, (file, name) => classes.has(`${file}\0${name}`));
      if (!found) continue;
      const byMethod = (calls[found.key] ??= {});
      const id = `${found.name}.${call.method}`;
      byMethod[id] = (byMethod[id] ?? true) && !!call.boot;
    }
  }
  merged.injectedCalls = calls;
}

/** Each exported function the project's files use, under the file that declares it, when every use is a call at boot. */
function resolveFunctionCalls(files: readonly ProjectFacts[], merged: ProjectModels, summaries: ReadonlyMap<string, FunctionSummary>): void {
  if (!files.some((facts) => facts.functionCalls)) return;
  const calls = new Map<string, boolean>();
  const lists = new Map<string, ArgumentLists>();
  const unresolved = new Set<string>();
  for (const facts of files) {
    for (const call of facts.functionCalls ?? []) {
      const key = call.module === '' ? facts.file : moduleKey(merged, facts.path, call.module);
      // A module that re-exports nothing declares what is imported from it; through a barrel, a function is found by its summary.
      const found =
        key === undefined
          ? undefined
          : !merged.reexports![key]
            ? { key, name: call.name }
            : declarationOf(merged, key, call.name, (file, name) => summaries.has(`${file}\0${name}`));
      if (!found) {
        unresolved.add(call.name);
        // Through a barrel, a function without a summary may be in any module it re-exports: whether this call runs at boot
        // counts for each of them (a name that none declares is never asked for).
        if (key !== undefined) for (const leaf of barrelLeaves(merged, key, call.name)) calls.set(leaf, (calls.get(leaf) ?? true) && !!call.boot);
        continue;
      }
      const id = `${found.key}\0${found.name}`;
      calls.set(id, (calls.get(id) ?? true) && !!call.boot);
      const known = lists.get(id);
      lists.set(id, known ? sharedLists(known, call.lists ?? {}) : (call.lists ?? {}));
    }
  }
  resolveFunctionLists(files, merged, lists, unresolved);
  // Only those called at boot are kept, and static methods (`default.connect`): the rules ask for no other, and the index goes to every worker.
  const atBoot: Record<string, Record<string, boolean>> = {};
  for (const [id, boot] of calls) {
    const [key, name] = id.split('\0') as [string, string];
    if (boot || name.includes('.')) (atBoot[key] ??= {})[name] = boot;
  }
  merged.functionCalls = atBoot;
}

/** `export * from './translation'` in a barrel: the modules, re-exporting nothing themselves, where `name` may be declared, as `file\0name` ids. */
function barrelLeaves(merged: ProjectModels, key: string, name: string): string[] {
  const leaves: string[] = [];
  declarationOf(merged, key, name, (file, exported) => {
    if (file !== key && !merged.reexports![file]) leaves.push(`${file}\0${exported}`);
    return false;
  });
  return leaves;
}

/**
 * The bounded lists every call of an exported function hands it, kept only for a file whose facts declare more than the
 * functions it uses: the index then holds every file that imports it, so no call goes unseen. A call of the same name
 * whose module the index cannot resolve (a workspace package it does not map, a barrel) may be one of them: it keeps none.
 */
function resolveFunctionLists(
  files: readonly ProjectFacts[],
  merged: ProjectModels,
  lists: ReadonlyMap<string, ArgumentLists>,
  unresolved: ReadonlySet<string>,
): void {
  const complete = new Set(files.flatMap((facts) => (declaresBeyondUses(facts) ? [facts.file] : [])));
  const byFile: Record<string, Record<string, ArgumentLists>> = {};
  for (const [id, byIndex] of lists) {
    const [key, name] = id.split('\0') as [string, string];
    if (complete.has(key) && !unresolved.has(name) && Object.keys(byIndex).length > 0) (byFile[key] ??= {})[name] = byIndex;
  }
  if (Object.keys(byFile).length > 0) merged.functionLists = byFile;
}

/** The method names the project uses only by calls at boot, and the bounded lists every use by name hands over (see `ProjectFacts.methodCalls`). */
function resolveMethodCalls(files: readonly ProjectFacts[], merged: ProjectModels): void {
  if (!files.some((facts) => facts.methodCalls)) return;
  const uses = new Map<string, boolean>();
  const lists = new Map<string, ArgumentLists>();
  for (const facts of files)
    for (const [name, boot] of Object.entries(facts.methodCalls ?? {})) {
      uses.set(name, (uses.get(name) ?? true) && boot);
      const handed = facts.methodLists?.[name] ?? {};
      const known = lists.get(name);
      lists.set(name, known ? sharedLists(known, handed) : handed);
    }
  const atBoot: Record<string, true> = {};
  for (const [name, boot] of uses) if (boot) atBoot[name] = true;
  merged.methodsCalledAtBoot = atBoot;
  const bounded = [...lists].filter(([, byIndex]) => Object.keys(byIndex).length > 0);
  if (bounded.length > 0) merged.methodLists = Object.fromEntries(bounded);
}

const PENDING: QuerySite = { file: '', start: 0, end: 0, line: 0, column: 0, text: '', library: 'prisma', kind: 'read', operation: '' };

/** `class Invoice extends SoftDeleteModel`, `class UserRepository extends BaseRepository<User>`: the base's nature, found across files. */
function inheritClassValues(files: readonly ProjectFacts[], merged: ProjectModels, models: Map<string, ModelFact>): void {
  for (let round = 0; round < MAX_INHERITANCE; round++) {
    let changed = false;
    for (const facts of files) {
      for (const [className, { exported }] of Object.entries(facts.classes ?? {})) {
        const base = merged.bases![facts.file]![className];
        const inherited = base && merged.exports[base.key]?.[base.name];
        if (!inherited || inherited.kind === 'entity' || inherited.kind === 'entities' || inherited.kind === 'queryFunction' || inherited.kind === 'factory')
          continue;
        const byName: Record<string, OrmValue> = (merged.exports[facts.file] ??= {});
        for (const name of [className, ...exported]) {
          // An entity class whose base turns out to be an active record (`extends AppBaseEntity`, itself `extends BaseEntity`) runs queries itself.
          const known = byName[name];
          if (known && !(known.kind === 'entity' && inherited.kind === 'model' && known.orm === inherited.orm)) continue;
          byName[name] = { ...inherited, ...(inherited.kind === 'model' && { model: className }) };
          changed = true;
        }
        if (inherited.kind === 'model' && (!models.has(className) || inherited.orm === 'typeorm'))
          mergeModelFact(models, { name: className, orm: inherited.orm, ...(inherited.orm === 'typeorm' && { activeRecord: true }) });
      }
    }
    if (!changed) return;
  }
}

/**
 * An interface that one class of the project implements stands for that class (`members: MemberRepository`
 * runs `PrismaMemberRepository`'s methods), recorded as its base where the class's file imports it from; so does
 * an exported object literal typed with it (`export const insightStore: InsightStore = { … }`).
 * Of two or more classes implementing an interface of that name, in the files the index holds or in
 * any file (`implementers`, by name), which one runs is the container's choice: those the index holds all of
 * are returned, to be decided once their methods are resolved (see `resolveSharedImplementations`).
 */
function resolveImplementations(files: readonly ProjectFacts[], merged: ProjectModels, implementers: ReadonlyMap<string, number> | undefined): Implementer[][] {
  const byName = new Map<string, Implementer[]>();
  for (const facts of files) {
    for (const { interface: ref, exported } of facts.implementations ?? []) {
      const location = typeLocation(merged, facts, ref);
      const classes = byName.get(ref.name) ?? [];
      classes.push({ ...(location && { location }), ...(exported !== undefined && { implementer: { key: facts.file, name: exported } }) });
      byName.set(ref.name, classes);
    }
  }
  const shared: Implementer[][] = [];
  for (const [name, classes] of byName) {
    const count = implementers?.get(name) ?? 1;
    // Every class of that name is known: interfaces of one name declared in different files (one per package) each have their own.
    for (const group of classes.length === count ? byLocation(merged, classes) : [classes]) {
      const [only, ...others] = group;
      const split = group !== classes;
      if (only?.location && only.implementer && others.length === 0 && (count === 1 || split)) recordImplementer(merged, group, only.implementer);
      else if (group.length > 1 && (split || group.length === count) && group.every((entry) => entry.implementer)) shared.push(group);
    }
  }
  return shared;
}

/**
 * Implementers grouped by the interface they name: one group for the locations that lead to one declaration through re-exports
 * (a package's barrel and the interface's own file); all in one group when the interface of one of them is not found.
 */
function byLocation(merged: ProjectModels, classes: Implementer[]): Implementer[][] {
  const groups: { keys: Set<string>; members: Implementer[] }[] = [];
  for (const entry of classes) {
    if (!entry.location) return [classes];
    const keys = new Set(reexportedFrom(merged, entry.location).map(({ key, name }) => `${key}\0${name}`));
    const group = groups.find((existing) => [...keys].some((key) => existing.keys.has(key)));
    if (group) {
      for (const key of keys) group.keys.add(key);
      group.members.push(entry);
    } else groups.push({ keys, members: [entry] });
  }
  return groups.length === 1 ? [classes] : groups.map(({ members }) => members);
}

/** A class or object of the project that implements an interface: where its file names the interface, and its export. */
interface Implementer {
  location?: TypeLocation;
  implementer?: TypeLocation;
}

/** The class that implements an interface runs the calls made through it, whatever type the interface itself extends (`ISegmentStore extends Store<Segment>`). */
function recordImplementer(merged: ProjectModels, classes: readonly Implementer[], implementer: TypeLocation): void {
  for (const { location } of classes)
    for (const reexported of location ? reexportedFrom(merged, location) : []) (merged.bases![reexported.key] ??= {})[reexported.name] = implementer;
}

/**
 * Of classes that all implement one interface (a pg-promise executor and a Sequelize one), one whose methods that run a query
 * each run one in every other class too stands for the interface: those methods query whichever class the container picks.
 * The class declared beside the interface comes first; none when a class, a test double among them, runs no query. True when one is recorded.
 */
function resolveSharedImplementations(shared: readonly Implementer[][], merged: ProjectModels): boolean {
  let recorded = false;
  for (const classes of shared) {
    // The methods of each that run a query; a function that implements a function type (`getStreamFactory()`) counts as its one method, ''.
    const querying = classes.map(({ implementer }) => {
      const prefix = `${implementer!.name}.`;
      return new Set(
        Object.keys(merged.functions?.[implementer!.key] ?? {}).flatMap((name) =>
          name === implementer!.name ? [''] : name.startsWith(prefix) ? [name.slice(prefix.length)] : [],
        ),
      );
    });
    const [chosen] = classes
      .filter((_, index) => querying[index]!.size > 0 && querying.every((other) => [...querying[index]!].every((method) => other.has(method))))
      .sort(
        (a, b) =>
          Number(b.location?.key === b.implementer!.key) - Number(a.location?.key === a.implementer!.key) ||
          a.implementer!.key.localeCompare(b.implementer!.key),
      );
    if (chosen) recordImplementer(merged, classes, chosen.implementer!);
    recorded ||= !!chosen;
  }
  return recorded;
}

/**
 * A type where a file names it, and where the barrels it is named through re-export it from (`export * from './order-service.interface'`):
 * a class that imports its interface through a barrel implements it for files that import it from its own file too.
 */
function reexportedFrom(merged: ProjectModels, location: TypeLocation, depth = 0): TypeLocation[] {
  const found = [location];
  if (depth > MAX_INHERITANCE) return found;
  for (const edge of merged.reexports?.[location.key] ?? []) {
    if (edge.holds !== undefined) continue;
    const name = edge.names ? (Object.hasOwn(edge.names, location.name) ? edge.names[location.name] : undefined) : location.name;
    if (name !== undefined && name !== 'default') found.push(...reexportedFrom(merged, { key: edge.target, name }, depth + 1));
  }
  return found;
}

/** Where a type a file names is declared, or undefined for a package's. */
function typeLocation(merged: ProjectModels, facts: ProjectFacts, ref: TypeRef): TypeLocation | undefined {
  const key = ref.module === '' ? facts.file : moduleKey(merged, facts.path, ref.module);
  return key === undefined ? undefined : { key, name: ref.name };
}

/**
 * Aliases and fields typed with the project's own types, resolved to the class they name; a field
 * typed with an alias of a handle (`db: DatabaseSchema`, `type DatabaseSchema = Kysely<Schema>`)
 * holds that handle. Fields of types the index knows nothing of are dropped.
 */
function resolveFields(files: readonly ProjectFacts[], merged: ProjectModels): void {
  for (const facts of files) {
    for (const [name, ref] of Object.entries(facts.aliases ?? {})) {
      const location = typeLocation(merged, facts, ref);
      if (location) merged.aliases![facts.file]![name] = location;
    }
  }
  for (const facts of files) {
    for (const [className, fields] of Object.entries(facts.fields ?? {})) {
      const entries: Record<string, FieldEntry> = {};
      for (const [field, fact] of Object.entries(fields)) {
        if ('value' in fact) {
          entries[field] = fact;
          continue;
        }
        if ('returnedBy' in fact) {
          const factory = typeLocation(merged, facts, fact.returnedBy);
          const returnedBy = factory && withFunctions(merged, factory);
          if (returnedBy) entries[field] = { returnedBy };
          continue;
        }
        const location = typeLocation(merged, facts, fact.type);
        const handle = location && declarationOf(merged, location.key, location.name, (file, name) => !!merged.exports[file]?.[name]);
        const value = handle && merged.exports[handle.key]![handle.name]!;
        if (value && isHandle(value)) entries[field] = { value };
        else if (location) {
          // A class of no fields is still known by its methods that query, as is the object of functions a function returns.
          const instance = typeAt(merged, location) ?? withFunctions(merged, location) ?? returnedObject(merged, location);
          if (instance) entries[field] = { instance };
        }
      }
      merged.fields![facts.file]![className] = entries;
    }
  }
}

/** `orders: OrdersModule` with `type OrdersModule = Awaited<ReturnType<typeof configureOrdersModule>>`: that function's object of functions. */
function returnedObject(merged: ProjectModels, location: TypeLocation): TypeLocation | undefined {
  const alias = declarationOf(merged, location.key, location.name, (file, name) => !!merged.aliases?.[file]?.[name]);
  const target = alias && merged.aliases![alias.key]![alias.name]!;
  return target && withFunctions(merged, target);
}

/** Where a class, or a function that returns an object of functions, is declared, when some of its methods or functions may query (`Class.method` summaries). */
function withFunctions(merged: ProjectModels, location: TypeLocation): TypeLocation | undefined {
  return declarationOf(merged, location.key, location.name, (file, name) =>
    Object.keys(merged.functions?.[file] ?? {}).some((summarized) => summarized.startsWith(`${name}.`)),
  );
}

/**
 * Each exported function's and method's query, resolved across files, and whether it awaits work
 * outside the project and its database; those that do neither are dropped.
 */
function resolveFunctions(merged: ProjectModels, summaries: ReadonlyMap<string, FunctionSummary>, pathByKey: ReadonlyMap<string, string>): void {
  // Each result with the depth it was reached at: one cut short by the depth limit is looked at again from nearer a caller.
  const resolved = new Map<string, { site: QuerySite | undefined; depth: number }>();
  const outside = new Map<string, { awaits: boolean; depth: number }>();
  const functions = merged.functions!;
  /** The summary of a function or method a path of a file names, along re-exports and base classes, with its id. */
  const summaryOf = (key: string, path: readonly string[]): { id: string; key: string; summary: FunctionSummary } | undefined => {
    const has = (file: string, name: string): boolean => summaries.has(`${file}\0${name}`);
    const parts = exportAndMethod(path);
    if (!parts) return undefined;
    const { first, method } = parts;
    for (let file = key, name = first, step = 0; step < MAX_INHERITANCE; step++) {
      const found = declarationOf(
        merged,
        file,
        name,
        (candidate, exported) => has(candidate, method ? `${exported}.${method}` : exported) || !!merged.bases?.[candidate]?.[exported],
      );
      if (!found) return step === 0 ? throughHeld(merged, key, path, summaryOf) : undefined;
      const id = `${found.key}\0${method ? `${found.name}.${method}` : found.name}`;
      const summary = summaries.get(id);
      if (summary) return { id, key: found.key, summary };
      // A method of a class's base, or the function that implements a function type (`GetStream` of `getStreamFactory()`).
      const base = merged.bases?.[found.key]?.[found.name];
      if (!base) return undefined;
      file = base.key;
      name = base.name;
    }
    return undefined;
  };
  const outsideAt = (key: string, path: readonly string[], everyCall: boolean, depth: number): boolean => {
    const found = depth <= MAX_CHAIN_DEPTH ? summaryOf(key, path) : undefined;
    if (!found) return false;
    const id = outsideId(found.id, everyCall);
    const known = outside.get(id);
    if (known && (known.awaits || known.depth <= depth)) return known.awaits;
    outside.set(id, { awaits: false, depth });
    const awaits = awaitsOutsideWork(
      merged,
      pathByKey.get(found.key) ?? found.key,
      found.summary,
      (nextKey, nextPath, nextEveryCall) => outsideAt(nextKey, nextPath, nextEveryCall, depth + 1),
      everyCall,
    );
    outside.set(id, { awaits, depth });
    return awaits;
  };
  const summaryAt = (key: string, path: readonly string[], depth: number): QuerySite | undefined => {
    const found = depth <= MAX_CHAIN_DEPTH ? summaryOf(key, path) : undefined;
    const site = found && siteOfSummary(found.id, found.key, found.summary, depth);
    return site &&
      found.key !== key &&
      backendsDisagree(merged, key, site, (target) => (summaryOf(target, path) ? (summaryAt(target, path, depth + 1)?.library ?? 'unknown') : undefined))
      ? { ...site, backendsDisagree: true }
      : site;
  };
  const siteOfSummary = (id: string, key: string, summary: FunctionSummary, depth: number): QuerySite | undefined => {
    const known = resolved.get(id);
    if (known && (known.site || known.depth <= depth)) return known.site;
    resolved.set(id, { site: undefined, depth });
    const reached = resolveSummary(
      merged,
      pathByKey.get(key) ?? key,
      withoutGuessedWork(summary),
      (nextKey, nextPath) => summaryAt(nextKey, nextPath, depth + 1),
      (nextKey, nextPath, everyCall) => outsideAt(nextKey, nextPath, everyCall, depth + 1),
    );
    const site = reached && summary.memoized ? { ...reached, memoized: true as const } : reached;
    resolved.set(id, { site, depth });
    return site;
  };
  for (const id of summaries.keys()) {
    const [key, name] = id.split('\0') as [string, string];
    const dot = name.indexOf('.');
    const path = dot < 0 ? [name] : [name.slice(0, dot), name.slice(dot + 1)];
    summaryAt(key, path, 0);
    outsideAt(key, path, false, 0);
    outsideAt(key, path, true, 0);
  }
  // A file stays in the index whatever its functions run: a call into a file the index does not hold is taken for work outside the database.
  for (const key of Object.keys(functions)) functions[key] = {};
  for (const [id, { site }] of resolved) {
    if (!site) continue;
    const [key, name] = id.split('\0') as [string, string];
    (functions[key] ??= {})[name] = site;
  }
  for (const id of summaries.keys()) {
    if (!outside.get(outsideId(id, false))?.awaits) continue;
    const [key, name] = id.split('\0') as [string, string];
    ((merged.outsideWork ??= {})[key] ??= {})[name] = !!outside.get(outsideId(id, true))?.awaits;
  }
}

/** The key of whether a function awaits outside work at all, or on every call. */
function outsideId(id: string, everyCall: boolean): string {
  return everyCall ? `${id}\0every` : id;
}

import { detached } from './content';

/**
 * What a file's exported functions hand back, read from its text without a parse, as the literal
 * constants it exports are (`fixedListsOf`): known of every file, so that other files' loops and
 * `Promise.all` calls can ask it of a function they import, whether or not the index holds its file.
 */
export interface ExportedFunctionFacts {
  /**
   * Functions whose value is at hand when the call returns: async ones that await nothing and return no call, and others
   * declared to return a value (`: string`, `: Record<string, unknown>`); also, as `Type.method`, such methods of the classes
   * and interfaces it exports (`ProjectorInterface.projectSimple`), which other files call through a field of that type.
   */
  settledAsync: string[];
  /** Functions whose every `return` hands back an object or array literal without a spread: as many keys or items as written. */
  fixedReturns: string[];
  /** Async functions whose only wait is adding a job to a queue (`await queue.add(name, data)`) and that return no call. */
  enqueuesOnly: string[];
  /**
   * Functions that call one parameter once per element of another (`mapWithLimit(limit, items, fn)` whose body runs `fn` over
   * `items`), as `name.list:callback` by parameter positions: what they are handed runs as a loop's body does. Top-level
   * declarations, exported or not, as CommonJS files export them after (`module.exports = { mapWithLimit }`).
   */
  itemCallbacks: string[];
}

/** `export async function name(` or `export function* name<`. */
const EXPORTED_FUNCTION = /^export\s+(async\s+)?function\s*(\*?)\s*([A-Za-z_$][\w$]*)\s*(?=[<(])/gm;
/** `export const name = async (`, `export const name = (`, `export const name = async function (`. */
const EXPORTED_ARROW = /^export\s+const\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n;]*)?=\s*(async\s+)?(function\b\s*(?:[A-Za-z_$][\w$]*)?\s*)?(?=[<(])/gm;
/** Words that make a body wait on something or hand out more than a value. */
const WAITS = /\bawait\b|\byield\b|\.then\s*\(/;
/** What `return` may be followed by: a value written out, or one name (`return data;`). */
const RETURNED_VALUE = /^\s*(?:\(\s*)?(?:[{[]|(?:null|undefined|true|false)\b|-?\d|['"]|`|[A-Za-z_$][\w$]*\s*(?:[;}\n]|$))/;
/** `return {`, `return [`, or `=> ({`. */
const RETURNED_LITERAL = /^\s*(?:\(\s*)?([{[])/;
const MAX_FUNCTIONS = 64;

/** The facts of a text's exported functions; most texts have none, and are left at the first search. */
export function exportedFunctionFactsOf(text: string): ExportedFunctionFacts {
  const facts: ExportedFunctionFacts = { settledAsync: [], fixedReturns: [], enqueuesOnly: [], itemCallbacks: itemCallbacksOf(text) };
  if (!text.includes('export')) return facts;
  let seen = 0;
  const note = (name: string, async: boolean, generator: boolean, start: number): void => {
    const fn = functionAt(text, start);
    if (!fn || generator) return;
    if (async ? settles(text, fn) : isValueType(fn.returnType) || returnsNoPromise(text, fn)) facts.settledAsync.push(detached(name));
    if (returnsOnlyLiterals(text, fn)) facts.fixedReturns.push(detached(name));
    if (async && onlyEnqueues(text, fn)) facts.enqueuesOnly.push(detached(name));
  };
  for (const match of text.matchAll(EXPORTED_FUNCTION)) {
    if (++seen > MAX_FUNCTIONS) break;
    note(match[3]!, match[1] !== undefined, match[2] === '*', match.index + match[0].length);
  }
  for (const match of text.matchAll(EXPORTED_ARROW)) {
    if (++seen > MAX_FUNCTIONS) break;
    note(match[1]!, match[2] !== undefined, false, match.index + match[0].length);
  }
  for (const match of text.matchAll(EXPORTED_TYPE)) {
    for (const method of settledMethodsOf(text, match.index + match[0].length, match[1]!)) {
      if (++seen > MAX_FUNCTIONS) return facts;
      facts.settledAsync.push(detached(`${match[1]!}.${method}`));
    }
  }
  if (!text.includes('exports')) return facts;
  for (const match of text.matchAll(COMMONJS_FUNCTION)) {
    const name = match[3] ?? match[4]!;
    if (!exportsByName(text, name)) continue;
    if (++seen > MAX_FUNCTIONS) break;
    note(name, (match[1] ?? match[5]) !== undefined, match[2] === '*', match.index + match[0].length);
  }
  for (const match of text.matchAll(TOP_LEVEL_CLASS)) {
    if (!exportsByName(text, match[1]!)) continue;
    for (const method of settledMethodsOf(text, match.index + match[0].length, match[1]!)) {
      if (++seen > MAX_FUNCTIONS) return facts;
      facts.settledAsync.push(detached(`${match[1]!}.${method}`));
    }
  }
  return facts;
}

/** `function name(`, `async function* name(`, `const name = async (`, `const name = function (` at the start of a line: a function a CommonJS file may export after its declaration. */
const COMMONJS_FUNCTION =
  /^(async\s+)?function\s*(\*?)\s*([A-Za-z_$][\w$]*)\s*(?=\()|^const\s+([A-Za-z_$][\w$]*)\s*=\s*(async\s+)?(?:function\b\s*(?:[A-Za-z_$][\w$]*)?\s*)?(?=\()/gm;

/** `class Server {` at the start of a line: a class a CommonJS file may export after its declaration. */
const TOP_LEVEL_CLASS = /^class\s+([A-Za-z_$][\w$]*)[^{;=]*\{/gm;

/** Whether a CommonJS file exports a name under that name: `module.exports = { Server }`, `module.exports.Server = Server`, `exports.Server = Server`. */
function exportsByName(text: string, name: string): boolean {
  const escapedName = escaped(name);
  return new RegExp(
    `\\bmodule\\.exports\\s*=\\s*\\{[^}]*(?:^|[^\\w$.])${escapedName}(?![\\w$])[^}]*\\}|\\bexports\\.${escapedName}\\s*=\\s*${escapedName}(?![\\w$])`,
  ).test(text);
}

/** `function name(`, `async function name<`, `export const name = async (` at the start of a line: a top-level declaration, exported or not. */
const TOP_LEVEL_FUNCTION =
  /^(?:export\s+(?:default\s+)?)?(?:async\s+)?function\s*([A-Za-z_$][\w$]*)\s*(?=[<(])|^(?:export\s+)?const\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n;]*)?=\s*(?:async\s+)?(?:function\b\s*(?:[A-Za-z_$][\w$]*)?\s*)?(?=[<(])/gm;

/** The top-level functions of a text that run a parameter once per element of another (see `ExportedFunctionFacts.itemCallbacks`). */
function itemCallbacksOf(text: string): string[] {
  const found: string[] = [];
  let seen = 0;
  for (const match of text.matchAll(TOP_LEVEL_FUNCTION)) {
    if (++seen > MAX_FUNCTIONS) break;
    const start = match.index + match[0].length;
    const parameters = parameterNamesAt(text, start);
    // One list and one function at least; most functions are left here.
    const fn = parameters && parameters.length >= 2 ? functionAt(text, start) : undefined;
    const positions = fn && itemCallbackPositions(parameters!, text.slice(fn.start, fn.end));
    if (positions) found.push(detached(`${match[1] ?? match[2]!}.${positions.list}:${positions.callback}`));
  }
  return found;
}

/** The names of the parameters whose list starts at `start` (after type parameters), undefined for one that is not a plain name. */
function parameterNamesAt(text: string, start: number): Array<string | undefined> | undefined {
  const list = parameterListAt(text, start);
  if (!list) return undefined;
  const { open: index, end } = list;
  const names: Array<string | undefined> = [];
  let part = index + 1;
  for (let at = index + 1; at < end; at++) {
    const character = text[at]!;
    if (character === ',' || at === end - 1) {
      names.push(/^\s*([A-Za-z_$][\w$]*)\s*[?:=,)]/.exec(text.slice(part, at + 1))?.[1]);
      part = at + 1;
    } else if (character in CLOSING && character !== '<') {
      at = (closingOf(text, at) ?? end) - 1;
    } else if (character === '<' && text[at - 1] !== '=') {
      at = (closingOf(text, at) ?? end) - 1;
    }
  }
  return names;
}

/**
 * `for (const item of items) await fn(item)`, `items.map((item) => limit(() => fn(item)))`, `items.forEach(fn)`, or a pool of
 * workers that each run `await fn(items[next++])`: the positions of the list and of the function a body runs once per element of it.
 * What depends on one name alone (where it stands as a word, is indexed, or is iterated) is read from the body once per name,
 * not once per pair: a top-level function's body is searched for every pair of its parameters.
 */
export function itemCallbackPositions(parameters: ReadonlyArray<string | undefined>, block: string): { list: number; callback: number } | undefined {
  const body = codeOf(block);
  const names = parameters.map((name) => (name === undefined ? undefined : new ParameterInBody(body, name)));
  for (const [callback, fn] of names.entries()) {
    if (fn === undefined || !fn.standsAlone()) continue;
    for (const [list, items] of names.entries()) {
      if (items !== undefined && list !== callback && callsPerElement(body, items, fn)) return { list, callback };
    }
  }
  return undefined;
}

function escaped(name: string): string {
  return name.replace(/\$/g, '\\$');
}

/** A character that makes a name around it part of a longer name, or of a member on its left (`[\\w$.]`, `[\\w$]`). */
const NAME_BEFORE = /[\w$.]/;
const NAME_AFTER = /[\w$]/;
/** `items[` after the name; `.map(`, `.forEach(`, `.flatMap(` after it (sticky: read at an offset). */
const INDEXED_AFTER = /\s*\[/y;
const ITERATED_AFTER = /\s*\.\s*(?:map|forEach|flatMap)\s*\(/y;
/** `items)` of `for (const item of items)`. */
const CLOSED_AFTER = /\s*\)/y;

/**
 * What a body says of one parameter's name, each read once and only when asked. The body is searched for the name's text
 * (`indexOf`), and only its places are looked at; a pattern over the whole body is built where one of them can match.
 */
class ParameterInBody {
  /** The pattern of the name (`$` escaped). */
  readonly pattern: string;
  private places?: number[];
  private indexed?: boolean;
  private iterated?: string[];
  private callPattern?: RegExp;
  private handedPattern?: RegExp;

  constructor(
    private readonly body: string,
    private readonly name: string,
  ) {
    this.pattern = escaped(name);
  }

  /** The offsets where the name starts with nothing of a name or member before it (`(?:^|[^\\w$.])name`). */
  private starts(): number[] {
    if (this.places) return this.places;
    this.places = [];
    for (let at = this.body.indexOf(this.name); at >= 0; at = this.body.indexOf(this.name, at + 1)) {
      if (at === 0 || !NAME_BEFORE.test(this.body[at - 1]!)) this.places.push(at);
    }
    return this.places;
  }

  /** Whether the name stands as a word of the body (not a member, not part of a longer name). */
  standsAlone(): boolean {
    return this.starts().some((at) => !NAME_AFTER.test(this.body[at + this.name.length] ?? ''));
  }

  /** Whether the name is followed by an index (`items[`) somewhere: without one no call is handed `items[...]`. */
  isIndexed(): boolean {
    this.indexed ??= this.starts().some((at) => followedBy(this.body, at + this.name.length, INDEXED_AFTER));
    return this.indexed;
  }

  /** The texts run per element of the name: a `map`, `forEach` or `flatMap` callback's arguments, a `for ... of` loop's body. */
  iteratedTexts(): string[] {
    if (this.iterated) return this.iterated;
    this.iterated = [];
    const name = this.pattern;
    // Where no place of the name is followed by an iteration, and no `of name)` is written, the search below finds nothing.
    const mayIterate = this.starts().some(
      (at) =>
        followedBy(this.body, at + this.name.length, ITERATED_AFTER) || (followedBy(this.body, at + this.name.length, CLOSED_AFTER) && afterOf(this.body, at)),
    );
    if (!mayIterate) return this.iterated;
    const over = new RegExp(`(?:^|[^\\w$.])${name}\\s*\\.\\s*(?:map|forEach|flatMap)\\s*(?=\\()|\\bof\\s+${name}\\s*\\)\\s*`, 'g');
    for (const found of this.body.matchAll(over)) {
      const open = found.index + found[0].length;
      const end = this.body[open] === '(' || this.body[open] === '{' ? closingOf(this.body, open) : this.body.indexOf(';', open);
      this.iterated.push(this.body.slice(open, end === undefined || end < 0 ? this.body.length : end));
    }
    return this.iterated;
  }

  /** `name(`: a call of the name. */
  calls(text: string): boolean {
    this.callPattern ??= new RegExp(`(?:^|[^\\w$.])${this.pattern}\\s*\\(`);
    return this.callPattern.test(text);
  }

  /** `(name,` or `(name)` at the start: the name handed on as the callback itself (`items.forEach(fn)`). */
  isHandedAtStart(text: string): boolean {
    this.handedPattern ??= new RegExp(`^\\(\\s*${this.pattern}\\s*[,)]`);
    return this.handedPattern.test(text);
  }
}

/** Whether the word `of` and space come just before `at` (`\\bof\\s+`). */
function afterOf(text: string, at: number): boolean {
  let index = at;
  while (index > 0 && /\s/.test(text[index - 1]!)) index--;
  return index < at && index >= 2 && text.startsWith('of', index - 2) && (index === 2 || !/\w/.test(text[index - 3]!));
}

/** Whether a sticky pattern matches `text` at `offset`. */
function followedBy(text: string, offset: number, sticky: RegExp): boolean {
  sticky.lastIndex = offset;
  return sticky.test(text);
}

/** Whether a body calls `fn` on an element of `items`, or inside a callback or loop over `items`. */
function callsPerElement(body: string, items: ParameterInBody, fn: ParameterInBody): boolean {
  if (items.isIndexed() && new RegExp(`(?:^|[^\\w$.])${fn.pattern}\\s*\\(\\s*${items.pattern}\\s*\\[`).test(body)) return true;
  return items.iteratedTexts().some((inner) => fn.calls(inner) || fn.isHandedAtStart(inner));
}

/** `export class Projector<T> implements Port {`, `export default abstract class Store`, `export interface Port<T> extends Base {`. */
const EXPORTED_TYPE = /^export\s+(?:default\s+)?(?:abstract\s+)?(?:class|interface)\s+([A-Za-z_$][\w$]*)[^{;=]*\{/gm;
/**
 * A method at the start of a member's line: modifiers (`static` too: `Tree.load(...)` is called on the class), `async`, its name, then its
 * type parameters or parameters (`private`, `get` are names here, and fail).
 */
const METHOD_START = /(?:(?:public|protected|readonly|override|abstract|static)\s+)*(async\s+)?([A-Za-z_$][\w$]*)\s*\??\s*(?=[<(])/y;
/** A member named `then` (`then(onFulfilled) {`, `then: …`), not a call of one (`.then(`): an instance of such a type is awaited as a promise. */
const THEN_MEMBER = /(?:^|[^\w$.])then\s*[?(<:=]/;

/**
 * The methods of a class or interface body whose value is at hand when they return: declared to return a value
 * (`projectSimple(role: Role): Record<string, unknown>`), or an instance of the type itself (`static load(cid: Cid): Tree`,
 * `withLimit(limit: number): this`, for a type with no `then`), or async with a body that awaits nothing and returns no call.
 * Members are read at the indentation of the body's first line, as formatted code writes them.
 */
function settledMethodsOf(text: string, bodyStart: number, typeName: string): string[] {
  const end = closingOf(text, bodyStart - 1);
  if (end === undefined) return [];
  const body = text.slice(bodyStart, end - 1);
  const indentation = /^\n*([ \t]+)\S/.exec(body)?.[1];
  if (indentation === undefined) return [];
  let thenable: boolean | undefined;
  const ownInstance = (returnType: string | undefined): boolean => {
    if (returnType === undefined || !new RegExp(`^(?:this|${escaped(typeName)}(?:\\s*<[^;{}]*>)?)$`).test(returnType)) return false;
    thenable ??= THEN_MEMBER.test(codeOf(body));
    return !thenable;
  };
  const settled = new Set<string>();
  // An overload or a second declaration that may hand back work leaves the name out.
  const others = new Set<string>();
  for (const line of body.matchAll(new RegExp(`^${indentation}(?=\\S)`, 'gm'))) {
    const start = bodyStart + line.index + line[0].length;
    METHOD_START.lastIndex = start;
    const method = METHOD_START.exec(text);
    if (!method || method[2] === 'constructor') continue;
    const at = start + method[0].length;
    const async = method[1] !== undefined;
    // A method without `async` is a value by its written return type alone: the body of one that writes none is not looked for.
    const fn = async || writesReturnType(text, at) ? functionAt(text, at, true) : undefined;
    const value = !!fn && (async ? fn.block && settles(text, fn) : isValueType(fn.returnType) || ownInstance(fn.returnType));
    (value ? settled : others).add(method[2]!);
  }
  return [...settled].filter((name) => !others.has(name));
}

/** A function's body as offsets: a block (`{` to after `}`), or the expression an arrow returns. */
interface FunctionText {
  start: number;
  end: number;
  block: boolean;
  /** The return type as written, when one is. */
  returnType?: string;
}

/** The parentheses of the parameter list at `start`, after type parameters: the offset of `(` and the one after `)`. */
function parameterListAt(text: string, start: number): { open: number; end: number } | undefined {
  let index = skipSpace(text, start);
  if (text[index] === '<') {
    const end = closingOf(text, index);
    if (end === undefined) return undefined;
    index = skipSpace(text, end);
  }
  const end = text[index] === '(' ? closingOf(text, index) : undefined;
  return end === undefined ? undefined : { open: index, end };
}

/** Whether a return type is written after the parameter list at `start` (`): Role`). */
function writesReturnType(text: string, start: number): boolean {
  const parameters = parameterListAt(text, start);
  return parameters !== undefined && text[skipSpace(text, parameters.end)] === ':';
}

/**
 * The body of the function whose type parameters or parameters start at `start`; undefined when the text is not read with certainty.
 * With `signature`, a method of an interface (`name(id: string): Role;`, no body) gives an empty body after its return type.
 */
function functionAt(text: string, start: number, signature = false): FunctionText | undefined {
  const parameters = parameterListAt(text, start);
  if (!parameters) return undefined;
  let index = skipSpace(text, parameters.end);
  let returnType: string | undefined;
  if (text[index] === ':') {
    const typeEnd = typeEndOf(text, index + 1, signature);
    if (typeEnd === undefined) return undefined;
    returnType = text.slice(index + 1, typeEnd).trim();
    index = skipSpace(text, typeEnd);
  }
  const typed = returnType === undefined ? {} : { returnType };
  if (text.startsWith('=>', index)) {
    index = skipSpace(text, index + 2);
    if (text[index] !== '{') return { start: index, end: expressionEnd(text, index), block: false, ...typed };
  }
  if (text[index] !== '{') return signature && returnType !== undefined ? { start: index, end: index, block: false, ...typed } : undefined;
  const end = closingOf(text, index);
  return end === undefined ? undefined : { start: index, end, block: true, ...typed };
}

/** Names of types whose values are promises, or may be: a function declared to return one hands back work. */
const PROMISE_TYPE = /\b(?:Promise|PromiseLike|Thenable|Awaitable|MaybePromise|Observable)\b/;
/** A part of a return type, its brackets marked (`#G` type arguments, `#O` an object type, `#T` a tuple, `#P` parentheses): a primitive, a literal, a built-in collection, an object or tuple type, an array. */
const VALUE_TYPE_PART =
  /^(?:string|number|boolean|bigint|null|undefined|true|false|Date|Record#G|(?:Readonly)?(?:Array|Map|Set)#G|#O|#T|'[^']*'|"[^"]*"|-?\d[\d.]*|(?:[\w$.]+(?:#G)?|#P|#O|#T)(?:\[\])+)$/;

/** Whether a written return type is a value (`boolean`, `Role[]`, `Record<string, unknown>`, `{ id: string } | null`), never a promise. */
function isValueType(type: string | undefined): boolean {
  if (type === undefined || PROMISE_TYPE.test(type)) return false;
  let blanked = type;
  for (let before = ''; before !== blanked;) {
    before = blanked;
    blanked = blanked
      .replace(/<[^<>]*>/g, '#G')
      .replace(/\{[^{}]*\}/g, '#O')
      .replace(/\[[^[\]]+\]/g, '#T')
      .replace(/\([^()]*\)/g, '#P');
  }
  return blanked.split('|').every((part) => VALUE_TYPE_PART.test(part.trim()));
}

/** `await import(`: a module the process loads once, then hands out from its module map. */
const AWAITED_IMPORT = /\bawait\s*import\s*\(/g;
/** What a module's load is written as once read: a value at hand. */
const LOADED_MODULE = '$loaded$';

/** A text with each `await import(path)` written as the module it loads (`LOADED_MODULE`); undefined when one is not closed. */
function withLoadedModules(code: string): string | undefined {
  let result = '';
  let from = 0;
  for (const match of code.matchAll(AWAITED_IMPORT)) {
    if (match.index < from) continue;
    const end = closingOf(code, match.index + match[0].length - 1);
    if (end === undefined) return undefined;
    result += code.slice(from, match.index) + LOADED_MODULE;
    from = end;
  }
  return result + code.slice(from);
}

/** `return mod.default;` after `const mod = await import(path)`, `return (await import(path)).default;`: a member of a loaded module. */
function returnsLoadedMember(body: string, returned: string): boolean {
  const name = /^\s*\(?\s*([\w$]+)\s*\)?(?:\s*\.\s*[\w$]+)+\s*(?:[;}\n]|$)/.exec(returned)?.[1];
  if (name === undefined) return false;
  return name === LOADED_MODULE || new RegExp(`\\b(?:const|let|var)\\s+${escaped(name)}\\s*=\\s*${escaped(LOADED_MODULE)}\\s*[;\\n]`).test(body);
}

/**
 * `return loaded[name];` or `return loaded.get(name);` with `const loaded = {}` (or `new Map()`) at the module's top level, where every
 * value the file stores in it is a module it loaded (`loaded[name] = (await import(path)).default`): a module cache of the process.
 */
function returnsCachedModule(text: string, returned: string): boolean {
  const name = /^\s*([\w$]+)\s*(?:\[[^\]\n]*\]|\.get\s*\([^()\n]*\))!?\s*(?:[;}\n]|$)/.exec(returned)?.[1];
  if (name === undefined || !new RegExp(`^(?:const|let)\\s+${escaped(name)}\\s*(?::[^=\\n]*)?=\\s*(?:\\{\\s*\\}|new\\s+Map\\b)`, 'm').test(text)) return false;
  const code = codeOf(text);
  const stores = [
    ...code.matchAll(new RegExp(`(?:^|[^\\w$.])${escaped(name)}\\s*(?:\\[[^\\]\\n]*\\]\\s*(?:\\?\\?|\\|\\|)?=(?!=)|\\.set\\s*\\([^,\\n]*,)`, 'g')),
  ];
  return stores.length > 0 && stores.every((store) => /^\s*\(?\s*await\s*import\s*\(/.test(code.slice(store.index + store[0].length)));
}

/**
 * Whether an async function awaits nothing but the modules it loads (`await import(path)`) and returns no call (a loaded module's
 * member, or one it keeps in a module-level cache, is a value): by the time it returns, its promise is settled, or waited at most
 * for a module's first load.
 */
function settles(text: string, fn: FunctionText): boolean {
  const code = codeOf(text.slice(fn.start, fn.end));
  const body = code.includes('import') ? withLoadedModules(code) : code;
  if (body === undefined || WAITS.test(body)) return false;
  if (!fn.block) return RETURNED_LITERAL.test(body);
  if (body === code) return returnsNoStartedCall(body);
  return returnedTexts(body).every((returned) => returnsValue(body, returned) || returnsLoadedMember(body, returned) || returnsCachedModule(text, returned));
}

/** Calls that hand back a string: `lines.join('\\n')`, `calendar.toString()`, `JSON.stringify(row)`. */
const RETURNED_STRING =
  /^\s*(?:[\w$]+\s*\.\s*)*(?:join|toString|toISOString)\s*\([^()]*\)\s*(?:[;}\n]|$)|^\s*JSON\s*\.\s*stringify\s*\([^()]*\)\s*(?:[;}\n]|$)/;
/** What a function that is not async may start and hand back, or wait on: a promise it makes, a `then`, an awaiting callback. */
const HANDS_PROMISE = /\bPromise\b|\.then\s*\(|\bawait\b|\byield\b/;

/**
 * Whether a function declared without `async` hands back no promise: it makes none and returns nothing, a value written out,
 * a name it did not set to a call, or a string a call makes (`return calendar.toString()`). Awaiting it waits on nothing.
 */
function returnsNoPromise(text: string, fn: FunctionText): boolean {
  if (fn.returnType !== undefined && PROMISE_TYPE.test(fn.returnType)) return false;
  const body = codeOf(text.slice(fn.start, fn.end));
  if (HANDS_PROMISE.test(body)) return false;
  const returned = fn.block ? returnedTexts(body) : [body];
  return returned.every((value) => (RETURNED_VALUE.test(value) && !returnsStartedCall(body, value)) || RETURNED_STRING.test(value));
}

/** `await queue.add(`, `await this.emailQueue.addBulk(`: a job queue's add (BullMQ, Bull), one write to the queue's store per job. */
const QUEUE_ADD = /\bawait\s+(?:this\s*\.\s*)?(?:[\w$]+\s*\.\s*)*[\w$]*[qQ]ueue\s*\.\s*add(?:Bulk)?\s*\(/;

/** Whether an async function's waits are all a queue's add, at least one, and it returns no call: it only hands jobs over. */
function onlyEnqueues(text: string, fn: FunctionText): boolean {
  return fn.block && enqueuesOnlyIn(text.slice(fn.start, fn.end));
}

/** Whether the text of an async function's block awaits only a queue's add (at least once) and returns no call. */
export function enqueuesOnlyIn(block: string): boolean {
  const body = codeOf(block);
  if (!QUEUE_ADD.test(body)) return false;
  if (WAITS.test(body.replace(new RegExp(QUEUE_ADD.source, 'g'), '('))) return false;
  return returnsNoStartedCall(body);
}

/** Whether every `return` of a body hands back a value, none a call it started (`return pending` after `const pending = fetch(url)`). */
function returnsNoStartedCall(body: string): boolean {
  return returnedTexts(body).every((returned) => returnsValue(body, returned));
}

/** A returned text that is a value written out or computed in memory, not a call the body started. */
function returnsValue(body: string, returned: string): boolean {
  return (RETURNED_VALUE.test(returned) && !returnsStartedCall(body, returned)) || computesInMemory(body, returned);
}

/** Methods of arrays, strings, sets, maps and dates that answer in memory (`members.some(...)`, `email.endsWith(...)`). */
const IN_MEMORY_METHOD = /^(?:some|every|includes|has|startsWith|endsWith|indexOf|find|findIndex|filter|map|join|trim|toLowerCase|toUpperCase|getTime|test)$/;

/**
 * `return (row.isSuspended || !row.members.some((member) => member.userId === id))`: an expression whose only calls are such
 * methods, of no name the body set to a call.
 */
function computesInMemory(body: string, returned: string): boolean {
  const expression = expressionText(returned);
  if (expression === undefined || /\bnew\b/.test(expression)) return false;
  const calls = [...expression.matchAll(/(\.\s*)?([A-Za-z_$][\w$]*)\s*(?:\?\.\s*)?\(/g)];
  const names = [...expression.matchAll(/(?<![\w$.]\s*)[A-Za-z_$][\w$]*/g)];
  return calls.every((call) => call[1] !== undefined && IN_MEMORY_METHOD.test(call[2]!)) && names.every((name) => !setToCall(body, name[0]));
}

/** `pending = fetch(url)`, `pending[key] = download(key)`: the body sets a name, or a part of it, to what a call gave. */
function setToCall(body: string, name: string): boolean {
  return new RegExp(`(?:^|[^\\w$.])${escaped(name)}(?![\\w$])[^;\\n=]*=(?![=>])[^;\\n]*\\(`).test(body);
}

/** The text of the expression a returned text starts with: up to its `;`, line end or closing `}`, brackets taken whole. */
function expressionText(returned: string): string | undefined {
  for (let index = 0; index < returned.length; index++) {
    const character = returned[index]!;
    if (character === '(' || character === '[' || character === '{') {
      const end = closingOf(returned, index);
      if (end === undefined) return undefined;
      index = end - 1;
    } else if (character === ';' || character === '}' || (character === '\n' && returned.slice(0, index).trim() !== '')) {
      return returned.slice(0, index);
    }
  }
  return returned;
}

/** `const pending = fetch(url); return pending;`: a name returned that the body set to what a call gave. */
function returnsStartedCall(body: string, returned: string): boolean {
  const name = /^\s*([A-Za-z_$][\w$]*)\s*(?:[;}\n]|$)/.exec(returned)?.[1];
  if (name === undefined || /^(?:null|undefined|true|false)$/.test(name)) return false;
  return new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*=(?![=>])[^;\\n]*\\(`).test(body);
}

/** Whether every `return` of a function (one that creates no function) hands back an object or array literal that spreads nothing. */
function returnsOnlyLiterals(text: string, fn: FunctionText): boolean {
  const body = codeOf(text.slice(fn.start, fn.end));
  if (fn.block && /=>|\bfunction\b/.test(body)) return false;
  const returned = fn.block ? returnedTexts(body) : [body];
  return returned.length > 0 && returned.every((value) => writesLiteral(value));
}

/** `{ a: 1, [Kind.B]: 2 }`, `[x, y]` at the start of a returned text, with no spread inside. */
function writesLiteral(returned: string): boolean {
  const match = RETURNED_LITERAL.exec(returned);
  if (!match) return false;
  const open = match.index + match[0].length - 1;
  const end = closingOf(returned, open);
  return end !== undefined && !returned.slice(open, end).includes('...');
}

/** A text with its comments and the characters of its strings and templates blanked, the placeholders of its templates kept. */
function codeOf(text: string): string {
  let code = '';
  let from = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    const skipped = character === '`' ? index : skipLiteral(text, index);
    if (character === '`') {
      const end = skipLiteral(text, index) ?? text.length;
      code += text.slice(from, index) + blankTemplate(text.slice(index, end));
      from = end;
      index = end - 1;
    } else if (skipped !== index) {
      const end = skipped ?? text.length;
      // A string keeps its quotes, a comment becomes space.
      const quoted = character === '"' || character === "'";
      code += text.slice(from, index) + (quoted ? `${character}${' '.repeat(Math.max(0, end - index - 2))}${character}` : ' '.repeat(end - index));
      from = end;
      index = end - 1;
    }
  }
  return code + text.slice(from);
}

/** A template with its literal characters blanked and its placeholders kept as code. */
function blankTemplate(template: string): string {
  let blanked = '`';
  for (let index = 1; index < template.length; index++) {
    if (template[index] === '\\') {
      blanked += '  ';
      index++;
    } else if (template[index] === '$' && template[index + 1] === '{') {
      const end = closingOf(template, index + 1) ?? template.length;
      blanked += `$${codeOf(template.slice(index + 1, end))}`;
      index = end - 1;
    } else blanked += template[index] === '`' ? '`' : ' ';
  }
  return blanked;
}

/** The text after each `return` of a body. */
function returnedTexts(body: string): string[] {
  return [...body.matchAll(/\breturn\b/g)].map((match) => body.slice(match.index + match[0].length));
}

function skipSpace(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/**
 * The offset after the bracket that closes the one at `open`, skipping strings, templates (and
 * their placeholders) and comments; `<` counts only angle brackets, as type parameters hold no
 * comparison. Undefined when it is not closed.
 */
function closingOf(text: string, open: number): number | undefined {
  const angle = text[open] === '<';
  const stack: string[] = [];
  for (let index = open; index < text.length; index++) {
    const character = text[index]!;
    const skipped = skipLiteral(text, index);
    if (skipped === undefined) return undefined;
    if (skipped !== index) {
      index = skipped - 1;
      continue;
    }
    if (angle && character === '=' && text[index + 1] === '>') {
      index++;
      continue;
    }
    const closing = CLOSING[character];
    if (closing && (character !== '<' || angle)) stack.push(closing);
    else if (character === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return index + 1;
    } else if (/[)\]}]/.test(character) || (angle && character === '>')) return undefined;
  }
  return undefined;
}

/** After a string, template or comment that starts at `index` (or `index` itself when none does); undefined when it does not end. */
function skipLiteral(text: string, index: number): number | undefined {
  const character = text[index];
  if (character === '/' && text[index + 1] === '/') {
    const end = text.indexOf('\n', index);
    return end < 0 ? text.length : end;
  }
  if (character === '/' && text[index + 1] === '*') {
    const end = text.indexOf('*/', index + 2);
    return end < 0 ? undefined : end + 2;
  }
  if (character === '"' || character === "'") {
    let close = index + 1;
    while (close < text.length && text[close] !== character && text[close] !== '\n') close += text[close] === '\\' ? 2 : 1;
    return text[close] === character ? close + 1 : undefined;
  }
  if (character !== '`') return index;
  for (let close = index + 1; close < text.length; close++) {
    if (text[close] === '\\') close++;
    else if (text[close] === '`') return close + 1;
    else if (text[close] === '$' && text[close + 1] === '{') {
      const end = closingOf(text, close + 1);
      if (end === undefined) return undefined;
      close = end - 1;
    }
  }
  return undefined;
}

/**
 * The end of a return type: the `{` of the body or the `=>` of an arrow at its level (a `{` after `:`, `|`, `&`, `<` or `,` starts a type literal).
 * With `signature`, also the `;`, `}` or line end that closes a method signature of an interface.
 */
function typeEndOf(text: string, start: number, signature = false): number | undefined {
  let previous = ':';
  for (let index = start; index < text.length; index++) {
    const character = text[index]!;
    if (
      signature &&
      (character === ';' || character === '}' || (character === '\n' && !/[:|&<,(]/.test(previous) && !/^\s*[|&]/.test(text.slice(index + 1, index + 40))))
    )
      return index;
    if (/\s/.test(character)) continue;
    if (character === '=' && text[index + 1] === '>') return index;
    if (character === '{' && !/[:|&<,(]/.test(previous)) return index;
    if (character === '{' || character === '<' || character === '(' || character === '[') {
      const end = closingOf(text, index);
      if (end === undefined) return undefined;
      index = end - 1;
      previous = text[index]!;
      continue;
    }
    if (character === ';' || character === '=') return undefined;
    previous = character;
  }
  return signature ? text.length : undefined;
}

/** The end of an arrow's expression body: the first `;`, or line end at bracket level, or the end of the text. */
function expressionEnd(text: string, start: number): number {
  for (let index = start; index < text.length; index++) {
    const character = text[index]!;
    const skipped = skipLiteral(text, index);
    if (skipped === undefined) return text.length;
    if (skipped !== index) {
      index = skipped - 1;
      continue;
    }
    if (character === '(' || character === '[' || character === '{') {
      const end = closingOf(text, index);
      if (end === undefined) return text.length;
      index = end - 1;
    } else if (character === ';' || character === ')' || character === '}' || character === ']') return index;
    else if (character === '\n' && !/^\s*[.?:&|+\-*/,]/.test(text.slice(index + 1, index + 40))) return index;
  }
  return text.length;
}

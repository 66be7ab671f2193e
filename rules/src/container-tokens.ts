/**
 * What a file's text says of a dependency injection container (inversify, tsyringe): the classes it exports, the tokens it
 * binds them to, and the tokens it resolves. Read without a parse, so that the project knows which use cases only its
 * scripts resolve.
 */
export interface ContainerTokens {
  /** The classes it exports, by name (`export class FixQuota`). */
  classes: string[];
  /** Bindings as `Class=Token`: `.bind<FixQuota>(TYPES.FixQuota).toConstantValue(new FixQuota(…))` gives `FixQuota=FixQuota`. */
  binds: string[];
  /** The tokens it resolves, by their last name: `container.get(TYPES.FixQuota)`, `@inject(TYPES.FixQuota)`. */
  resolves: string[];
}

const EXPORTED_CLASS = /^[ \t]*export\s+(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/gm;
/**
 * `.bind<Name>(TYPES.Token)` then `.to(Class)`, `.toConstantValue(new Class(…))` or `.toDynamicValue(() => new Class(…))`. Only a
 * token kept in an object (`TYPES.Token`) counts: a class bound as its own token may be injected by its type, which no text names.
 */
const BINDING =
  /\.bind\s*(?:<\s*([A-Za-z_$][\w$]*)[^>]*>)?\s*\(\s*[\w$]+(?:\s*\.\s*[\w$]+)*\s*\.\s*([\w$]+)\s*\)(?:\s*\.\s*to(?:ConstantValue|DynamicValue)?\s*\(\s*(?:\([^()]*\)\s*=>\s*)?(?:new\s+)?([A-Za-z_$][\w$]*))?/g;
/** `container.get<T>(TYPES.Token)`, `getAsync`, `getAll`, `resolve`, `@inject(TYPES.Token)`, `@multiInject(…)`, `inject(…)`: a token resolved. */
const RESOLUTION =
  /(?:\.\s*(?:get|getAsync|getAll|getAllAsync|getNamed|getTagged|resolve|resolveAll|isBound)\s*(?:<[^>()]*>)?\s*\(|\b(?:multiInject|[iI]nject\w*)\s*\()\s*(?:[\w$]+\s*\.\s*)*([\w$]+)\s*[,)]/g;

/** The classes a text exports and the container tokens it binds and resolves; none for most files, which name no container. */
export function containerTokensOf(text: string): ContainerTokens | undefined {
  const binds = text.includes('.bind')
    ? [...text.matchAll(BINDING)].flatMap(([, named, token, target]) => [named, target].flatMap((name) => (name ? [`${name}=${token}`] : [])))
    : [];
  const resolves = /\bget|\bresolve|nject/.test(text) ? [...text.matchAll(RESOLUTION)].map((match) => match[1]!) : [];
  const classes = text.includes('class') ? [...text.matchAll(EXPORTED_CLASS)].map((match) => match[1]!) : [];
  if (binds.length === 0 && resolves.length === 0 && classes.length === 0) return undefined;
  return { classes, binds: [...new Set(binds)], resolves: [...new Set(resolves)] };
}

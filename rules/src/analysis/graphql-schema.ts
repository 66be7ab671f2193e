/**
 * What a project's GraphQL schema says of its object types, read from a file's text: the types it declares and those it holds in
 * lists. A field resolver of a type no list holds runs once per request, not once per item. Plain text patterns, so that every
 * file of the project is read cheaply (see `SyntaxSignals.graphqlTypes`).
 */

/** `type:Post`: the schema declares the object type `Post`. */
const DECLARED = 'type:';
/** `list:Post`: a field returns a list of `Post` (`[Post!]!`, `Array<Post>`, `@Field(() => [Post])`). */
const LISTED = 'list:';
/** `paged:UserPosts`: the field `User.posts` takes paging arguments (`posts(first: Int, after: String)`), named as graphql-codegen names its arguments' type. */
const PAGED = 'paged:';
/** `in:Post:PostEdge`: `Post` comes in a list wherever `PostEdge` does (held by a list's item wrapper, a union's member, an interface's implementer). */
const HELD_IN = 'in:';

/** Schema text in code: a `gql`/`graphql` tagged template or call, a template marked `/* GraphQL *\/`, a string or template held as `typeDefs`. */
const SDL_TEXT =
  /(?:\bgql|\bgraphql|\/\*\s*GraphQL\s*\*\/|\btypeDefs\s*[:=]\s*(?:\/\*[^*]*\*\/\s*)?)\s*(?:\(\s*)?(`[^`]*`|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;
/** `type Post implements Node { … }`, `extend type Query { … }`, `interface Node { … }`: a type with its heading and its fields. */
const SDL_TYPE = /\b(type|interface)\s+([A-Za-z_]\w*)([^{}]*)\{([^{}]*)\}/g;
/** `union SearchResult = Post | User`. */
const SDL_UNION = /\bunion\s+([A-Za-z_]\w*)[^=]*=\s*\|?\s*([A-Za-z_]\w*(?:\s*\|\s*[A-Za-z_]\w*)*)/g;
/** `[Post!]!`: the item type of a list. */
const SDL_LIST = /\[\s*([A-Za-z_]\w*)/g;
/** `PostEdge` of a connection, `AdminUserListItem`: a wrapper a list holds per item, whose fields (`node: Post`) are that item's. */
const ITEM_WRAPPER = /(?:Edge|Item)$/;
/** `node: Post`, `author(first: Int): User`: the type a field of a schema holds. */
const SDL_FIELD_TYPE = /\w\s*(?:\([^)]*\))?\s*:\s*\[?\s*([A-Za-z_]\w*)/g;
/** `node?: Maybe<Post>;`: the type a field of graphql-codegen's output holds. */
const GENERATED_FIELD_TYPE = /\w\??\s*:\s*(?:Maybe<\s*)?([A-Z]\w*)\s*>?\s*;/g;
const NAME = /[A-Za-z_]\w*/g;
/** `posts(first: Int, after: String): PostConnection`: a field with its arguments. */
const SDL_FIELD_ARGUMENTS = /([A-Za-z_]\w*)\s*\(([^)]*)\)\s*:/g;
/** `first:`, `cursor?:`: an argument that pages a list. */
const PAGE_ARGUMENT = /\b(?:limit|first|last|cursor|after|before|offset|skip|take|page|perPage|pageSize)\??\s*:/;

/** `@ObjectType() export class Post`: a type-graphql or NestJS object type, by its class. */
const OBJECT_TYPE_CLASS = /@ObjectType\s*\([^)]*\)\s*(?:@[\w$.]+(?:\s*\([^)]*\))?\s*)*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/g;
/** `@Field(() => [Post])`, `@Query((type) => [Post])`, `@ResolveField('posts', () => [Post])`: a field that returns a list. */
const CODE_FIRST_LIST =
  /@(?:Field|Query|ResolveField|FieldResolver)\s*\(\s*(?:['"][^'"]*['"]\s*,\s*)?(?:\(\s*[\w$]*\s*\)|[\w$]+)\s*=>\s*\[\s*([A-Za-z_$][\w$]*)\s*\]/g;
/** `class PaginatedPost extends Paginated(Post)`: a class made by a generic page or connection factory holds its argument in a list. */
const LIST_FACTORY_CLASS = /\bclass\s+[\w$]+\s+extends\s+[A-Za-z_$][\w$]*\s*\(\s*([A-Z][\w$]*)\s*[,)]/g;

/** `export type Post = {\n  __typename?: 'Post';`: an object type in graphql-codegen's output. */
const GENERATED_TYPE = /\bexport\s+type\s+([A-Za-z_]\w*)\s*=\s*\{\s*__typename\?\s*:\s*'([A-Za-z_]\w*)'/g;
/** `items: Array<Post>`, `Array<Maybe<Post>>`, an operation's `Array<{ __typename?: 'Post', … }>`. */
const GENERATED_LIST = /\bArray<\s*(?:Maybe<\s*)?(?:([A-Za-z_]\w*)\s*>|\{\s*__typename\?\s*:\s*'([A-Za-z_]\w*)')/g;
/** `export type UserPostsArgs = { first?: …; after?: … }`: the arguments of a field in graphql-codegen's output. */
const GENERATED_ARGUMENTS = /\bexport\s+type\s+([A-Za-z_]\w*)Args\s*=\s*\{([^}]*)\}/g;
/** `export type PostEdge = { … node: Post; … }`: a list's item wrapper with its fields, up to its end. */
const GENERATED_ITEM_WRAPPER = /\bexport\s+type\s+([A-Za-z_]\w*(?:Edge|Item))\s*=\s*\{([^}]*)\}/g;

/** The schema facts of a file's text, as `type:Post`, `list:Post`, `paged:UserPosts` and `in:Post:PostEdge` (see `listedTypes`). */
export function graphqlTypesOf(text: string): string[] {
  const facts = new Set<string>();
  if (/\btype\s|\bunion\s/.test(text) && /gql|graphql|GraphQL|typeDefs/.test(text)) for (const match of text.matchAll(SDL_TEXT)) sdlFacts(match[1]!, facts);
  if (text.includes('@ObjectType') || text.includes('=> [')) codeFirstFacts(text, facts);
  if (text.includes("__typename?: '")) generatedFacts(text, facts);
  return [...facts];
}

function sdlFacts(sdl: string, facts: Set<string>): void {
  for (const [, kind, name, heading, fields] of sdl.matchAll(SDL_TYPE)) {
    if (kind === 'type') facts.add(DECLARED + name);
    for (const list of fields!.matchAll(SDL_LIST)) facts.add(LISTED + list[1]);
    for (const [, field, args] of fields!.matchAll(SDL_FIELD_ARGUMENTS)) if (PAGE_ARGUMENT.test(args!)) facts.add(PAGED + pagedFieldName(name!, field!));
    if (ITEM_WRAPPER.test(name!)) for (const field of fields!.matchAll(SDL_FIELD_TYPE)) facts.add(`${HELD_IN}${field[1]}:${name}`);
    const implemented = /\bimplements\b([^@]*)/.exec(heading!)?.[1] ?? '';
    for (const [shape] of implemented.matchAll(NAME)) facts.add(`${HELD_IN}${name}:${shape}`);
  }
  for (const [, union, members] of sdl.matchAll(SDL_UNION)) for (const [member] of members!.matchAll(NAME)) facts.add(`${HELD_IN}${member}:${union}`);
}

function codeFirstFacts(text: string, facts: Set<string>): void {
  for (const match of text.matchAll(OBJECT_TYPE_CLASS)) facts.add(DECLARED + match[1]);
  for (const match of text.matchAll(CODE_FIRST_LIST)) facts.add(LISTED + match[1]);
  if (text.includes('@ObjectType')) for (const match of text.matchAll(LIST_FACTORY_CLASS)) facts.add(LISTED + match[1]);
}

function generatedFacts(text: string, facts: Set<string>): void {
  for (const [, name, typename] of text.matchAll(GENERATED_TYPE)) if (name === typename) facts.add(DECLARED + name);
  for (const [, named, inline] of text.matchAll(GENERATED_LIST)) facts.add(LISTED + (named ?? inline));
  for (const [, field, args] of text.matchAll(GENERATED_ARGUMENTS)) if (PAGE_ARGUMENT.test(args!)) facts.add(PAGED + field);
  for (const [, wrapper, fields] of text.matchAll(GENERATED_ITEM_WRAPPER))
    for (const field of fields!.matchAll(GENERATED_FIELD_TYPE)) facts.add(`${HELD_IN}${field[1]}:${wrapper}`);
}

/** `UserPosts` of `User.posts`: a field named as graphql-codegen names the type of its arguments. */
export function pagedFieldName(type: string, field: string): string {
  return type + field.charAt(0).toUpperCase() + field.slice(1);
}

/** The object types a project's schema declares, those that come in a list, and the fields that take paging arguments (see `pagedFieldName`). */
export interface GraphqlTypes {
  declared: string[];
  listed: string[];
  paged: string[];
}

/** Declared and listed types from every file's facts: a type comes in a list when a field lists it, or it is held in one that does. */
export function listedTypes(facts: Iterable<readonly string[]>): GraphqlTypes {
  const declared = new Set<string>();
  const listed = new Set<string>();
  const paged = new Set<string>();
  const heldIn: Array<[string, string]> = [];
  for (const fact of [...facts].flat()) {
    if (fact.startsWith(DECLARED)) declared.add(fact.slice(DECLARED.length));
    else if (fact.startsWith(LISTED)) listed.add(fact.slice(LISTED.length));
    else if (fact.startsWith(PAGED)) paged.add(fact.slice(PAGED.length));
    else if (fact.startsWith(HELD_IN)) heldIn.push(fact.slice(HELD_IN.length).split(':') as [string, string]);
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const [type, holder] of heldIn) if (listed.has(holder) && !listed.has(type)) grew = !!listed.add(type);
  }
  return { declared: [...declared], listed: [...listed], paged: [...paged] };
}

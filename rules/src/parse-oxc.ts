import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/** Parses a text that TypeScript parsed without a syntax error into the ESTree the rules read; throws when it cannot. */
export type FastParser = (text: string, fileName: string) => TSESTree.Program;

/** What the core reads of oxc-parser (an ES module, loaded by `require` where Node.js loads ES modules that way). */
interface OxcParser {
  rawTransferSupported(): boolean;
  parseSync(fileName: string, text: string, options: object): { program: unknown; errors: ReadonlyArray<{ message: string }> };
}

/** typescript-estree's shape: no `ParenthesizedExpression`, ranges, the TypeScript flavour of the tree. */
const OXC_OPTIONS = { range: true, preserveParens: false, astType: 'ts', experimentalRawTransfer: true } as const;

/**
 * oxc-parser's raw transfer (its ESTree built in JavaScript straight from the native parser's memory), adapted to the tree
 * typescript-estree makes; undefined where it is not available: Node.js before 22, or no native binding for the platform.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an ES module with a native binding, loaded only where it is used
export function oxcParser(load: () => unknown = () => require('oxc-parser')): FastParser | undefined {
  if (Number(process.versions.node.split('.')[0]) < 22) return undefined;
  let oxc: OxcParser;
  try {
    oxc = load() as OxcParser;
    if (!oxc.rawTransferSupported()) return undefined;
  } catch {
    return undefined;
  }
  return (text, fileName) => {
    const result = oxc.parseSync(fileName, text, OXC_OPTIONS);
    if (result.errors.length > 0) throw new Error(result.errors[0]!.message);
    const program = result.program as TSESTree.Program;
    asTypeScriptESTree(program);
    return program;
  };
}

/**
 * The fast parser a command uses, by its setting (`PERF_LINT_PARSER`): oxc-parser's raw transfer where it is available (`oxc`, or no
 * setting), none for `typescript-estree` (typescript-estree's conversion of TypeScript's tree, as where oxc is not available).
 */
export function fastParserFor(setting: string | undefined, load?: () => unknown): FastParser | undefined {
  return setting === 'typescript-estree' ? undefined : oxcParser(load);
}

/** Fields typescript-estree leaves undefined that oxc sets to null, by node type (the rules test some with `=== undefined`). */
const ABSENT_AS_NULL: Readonly<Record<string, readonly string[]>> = {
  ArrayPattern: ['typeAnnotation'],
  ArrowFunctionExpression: ['typeParameters', 'returnType'],
  AssignmentPattern: ['typeAnnotation'],
  CallExpression: ['typeArguments'],
  ClassDeclaration: ['typeParameters', 'superTypeArguments'],
  ClassExpression: ['typeParameters', 'superTypeArguments'],
  ExpressionStatement: ['directive'],
  FunctionDeclaration: ['typeParameters', 'returnType'],
  FunctionExpression: ['typeParameters', 'returnType'],
  Identifier: ['typeAnnotation'],
  JSXOpeningElement: ['typeArguments'],
  MethodDefinition: ['accessibility'],
  NewExpression: ['typeArguments'],
  ObjectPattern: ['typeAnnotation'],
  PropertyDefinition: ['accessibility', 'typeAnnotation'],
  RestElement: ['typeAnnotation', 'value'],
  TaggedTemplateExpression: ['typeArguments'],
  TSAbstractMethodDefinition: ['accessibility'],
  TSAbstractPropertyDefinition: ['accessibility', 'typeAnnotation'],
  TSClassImplements: ['typeArguments'],
  TSConstructorType: ['typeParameters'],
  TSConstructSignatureDeclaration: ['typeParameters'],
  TSDeclareFunction: ['typeParameters', 'returnType', 'body'],
  TSEmptyBodyFunctionExpression: ['typeParameters', 'returnType'],
  TSEnumMember: ['initializer'],
  TSFunctionType: ['typeParameters'],
  TSIndexSignature: ['accessibility'],
  TSInterfaceDeclaration: ['typeParameters'],
  TSInterfaceHeritage: ['typeArguments'],
  TSMappedType: ['readonly'],
  TSMethodSignature: ['accessibility', 'typeParameters'],
  TSParameterProperty: ['accessibility'],
  TSPropertySignature: ['accessibility'],
  TSTypeAliasDeclaration: ['typeParameters'],
  TSTypeParameter: ['default', 'constraint'],
  TSTypeQuery: ['typeArguments'],
  TSTypeReference: ['typeArguments'],
};

/**
 * Makes oxc's tree the one typescript-estree makes, in place: types, ranges and the fields the rules read are the same already
 * (`bench/ast-compare.mjs` compares them node by node); what differs is null where typescript-estree leaves a field undefined.
 */
function asTypeScriptESTree(program: TSESTree.Program): void {
  // A `.cjs` file is a script to typescript-estree.
  if ((program.sourceType as string) === 'commonjs') program.sourceType = 'script';
  const nodes: unknown[] = [program];
  while (nodes.length > 0) {
    const node = nodes.pop() as Record<string, unknown>;
    const absent = ABSENT_AS_NULL[node.type as string];
    if (absent) for (const key of absent) if (node[key] === null) node[key] = undefined;
    switch (node.type) {
      case 'AssignmentPattern': {
        // A decorated parameter with a default value starts after its decorators in typescript-estree.
        const pattern = node as unknown as TSESTree.AssignmentPattern;
        if (pattern.decorators.length > 0) pattern.range = [pattern.left.range[0], pattern.range[1]];
        break;
      }
      case 'TSEnumMember':
        // typescript-estree gives an enum member no `computed` unless its name is computed.
        if (node.computed === false) delete node.computed;
        break;
      case 'JSXText':
      case 'JSXAttribute': {
        // typescript-estree decodes HTML entities (`&apos;`) in JSX text and attribute strings, oxc does not: such a file is converted.
        const text = (node.type === 'JSXText' ? node : (node.value as { value?: unknown } | null))?.value;
        if (typeof text === 'string' && text.includes('&')) throw new Error('JSX text with an HTML entity');
        break;
      }
    }
    const keys = visitorKeys[node.type as string];
    if (!keys) continue;
    for (const key of keys) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item !== null && typeof item === 'object') nodes.push(item);
      } else if (child !== null && typeof child === 'object') nodes.push(child);
    }
  }
}

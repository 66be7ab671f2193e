import ts from 'typescript';
import { isDatabaseModule, isLocalModule } from './analysis/orm';
import { BLOCKING_NAME } from './analysis/blocking-calls';

/**
 * What a file's syntax can hold, read from TypeScript's own tree, which is several times cheaper
 * to build than the ESTree the rules walk. Each field is a necessary condition of some rule's
 * finding or of the file's project facts: when it is false, that work is skipped without the
 * ESTree parse. Plain data, so it travels to worker threads with the file.
 */
export interface SyntaxSignals {
  /** An `await` that runs once per iteration of a loop statement of its own function. */
  awaitInLoop: boolean;
  /** `Promise.all(x)` (or `allSettled`, `any`, `race`) over something other than a literal array without spreads. */
  combinatorOverArray: boolean;
  /** A name that a blocking call can have (`readFileSync`, `glob.sync`). */
  blockingName: boolean;
  /**
   * A database package imported or required, or a client known by its name: an imported
   * `prisma`/`db`, `ctx.prisma`, a `sequelize` instance, Objection's `$relatedQuery`, a Sequelize
   * association (`User.hasMany(Post)`), which declares getters without naming the package.
   */
  reachesDatabase: boolean;
  /** A file of the project imported or required (`./db`, `@/lib/prisma`). */
  importsProjectFile: boolean;
}

/** Every signal raised: what a file the syntax pass could not read gets, so that nothing is skipped. */
export const ALL_SIGNALS: Readonly<SyntaxSignals> = {
  awaitInLoop: true,
  combinatorOverArray: true,
  blockingName: true,
  reachesDatabase: true,
  importsProjectFile: true,
};

const NO_SIGNALS: Readonly<SyntaxSignals> = {
  awaitInLoop: false,
  combinatorOverArray: false,
  blockingName: false,
  reachesDatabase: false,
  importsProjectFile: false,
};

/** Words without which no signal can be raised: a file that has none of them is not parsed at all. */
const ANY_SIGNAL_WORD = /await|Promise|sync|import|require|prisma|db|sequelize|\$relatedQuery|\$fetchGraph|belongsTo|has(?:One|Many)/i;
const COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);
const CLIENT_IMPORT_NAME = /^(?:prisma|db)$/i;
const REQUEST_CONTEXT = /^(?:ctx|context)$/;
const SEQUELIZE_NAME = /sequelize/i;
const DATABASE_METHOD_NAMES = new Set(['$relatedQuery', '$fetchGraph', 'belongsTo', 'hasOne', 'hasMany', 'belongsToMany']);

/**
 * The signals of one file. A file TypeScript reads with syntax errors gets every signal: the
 * analysis recovers from errors in its own way, and must not lose a finding to this pass.
 */
export function syntaxSignals(text: string, fileName: string): SyntaxSignals {
  if (!ANY_SIGNAL_WORD.test(text)) return NO_SIGNALS;
  try {
    const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
    // `parseDiagnostics` is internal but stable; it holds the syntax errors of this parse.
    const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics;
    if (diagnostics === undefined || diagnostics.length > 0) return ALL_SIGNALS;
    return readSignals(sourceFile);
  } catch {
    // Nesting too deep for a recursive walk: the analysis decides what to do with the file.
    return ALL_SIGNALS;
  }
}

/** The script kind typescript-estree parses a file as, so that both passes see the same tree. */
function scriptKind(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function readSignals(sourceFile: ts.SourceFile): SyntaxSignals {
  const signals: SyntaxSignals = { ...NO_SIGNALS };
  const moduleSpecifier = (specifier: ts.Node | undefined): void => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    if (isDatabaseModule(specifier.text) || SEQUELIZE_NAME.test(specifier.text)) signals.reachesDatabase = true;
    if (isLocalModule(specifier.text)) signals.importsProjectFile = true;
  };
  const importedName = (name: ts.Identifier | undefined): void => {
    if (name && CLIENT_IMPORT_NAME.test(name.text)) signals.reachesDatabase = true;
  };

  const visit = (node: ts.Node, inLoop: boolean): void => {
    switch (node.kind) {
      case ts.SyntaxKind.AwaitExpression:
        if (inLoop) signals.awaitInLoop = true;
        break;
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        // `fs['readFileSync']()` names the call in a string.
        if (BLOCKING_NAME.test((node as ts.StringLiteralLike).text)) signals.blockingName = true;
        return;
      case ts.SyntaxKind.Identifier: {
        const name = (node as ts.Identifier).text;
        if (BLOCKING_NAME.test(name)) signals.blockingName = true;
        if (SEQUELIZE_NAME.test(name) || DATABASE_METHOD_NAMES.has(name)) signals.reachesDatabase = true;
        return;
      }
      case ts.SyntaxKind.PropertyAccessExpression: {
        const access = node as ts.PropertyAccessExpression;
        if (ts.isIdentifier(access.expression) && REQUEST_CONTEXT.test(access.expression.text) && CLIENT_IMPORT_NAME.test(access.name.text)) signals.reachesDatabase = true;
        break;
      }
      case ts.SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        if (isCombinatorOverArray(call)) signals.combinatorOverArray = true;
        const callee = call.expression;
        if (call.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) moduleSpecifier(call.arguments[0]);
        break;
      }
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
        moduleSpecifier((node as ts.ImportDeclaration | ts.ExportDeclaration).moduleSpecifier);
        break;
      case ts.SyntaxKind.ImportClause:
        importedName((node as ts.ImportClause).name);
        break;
      case ts.SyntaxKind.NamespaceImport:
      case ts.SyntaxKind.ImportSpecifier:
        importedName((node as ts.NamespaceImport | ts.ImportSpecifier).name);
        break;
      case ts.SyntaxKind.ImportEqualsDeclaration: {
        const declaration = node as ts.ImportEqualsDeclaration;
        importedName(declaration.name);
        if (ts.isExternalModuleReference(declaration.moduleReference)) moduleSpecifier(declaration.moduleReference.expression);
        break;
      }
    }
    if (ts.isFunctionLike(node)) {
      // A method's decorators and computed name run where the class is defined; its parameters and body when it is called.
      const runsOutside = (child: ts.Node): boolean => child === node.name || ts.isDecorator(child) || ts.isModifier(child);
      ts.forEachChild(node, (child) => visit(child, inLoop && runsOutside(child)));
      return;
    }
    switch (node.kind) {
      case ts.SyntaxKind.ForStatement: {
        const loop = node as ts.ForStatement;
        // The initializer runs once; the test, the update and the body once per iteration.
        ts.forEachChild(loop, (child) => visit(child, inLoop || child !== loop.initializer));
        return;
      }
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement: {
        const loop = node as ts.ForOfStatement | ts.ForInStatement;
        ts.forEachChild(loop, (child) => visit(child, inLoop || child === loop.statement));
        return;
      }
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
        ts.forEachChild(node, (child) => visit(child, true));
        return;
      default:
        ts.forEachChild(node, (child) => visit(child, inLoop));
    }
  };
  visit(sourceFile, false);
  return signals;
}

/** `Promise.all(xs.map(f))`, `Promise.all(promises)`, `Promise.all([...a, b])`; not `Promise.all([a, b])`. */
function isCombinatorOverArray(call: ts.CallExpression): boolean {
  const callee = skipWrappers(call.expression);
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression) ? callee.argumentExpression.text : undefined;
  if (method === undefined || !COMBINATORS.has(method)) return false;
  const object = skipWrappers((callee as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  if (!ts.isIdentifier(object) || object.text !== 'Promise') return false;
  const argument = call.arguments[0] && skipWrappers(call.arguments[0]);
  if (!argument) return false;
  return !ts.isArrayLiteralExpression(argument) || argument.elements.some(ts.isSpreadElement);
}

/** What `(x)`, `x!`, `x as T`, `<T>x` and `x satisfies T` wrap. */
function skipWrappers(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current) || ts.isTypeAssertionExpression(current) || ts.isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}

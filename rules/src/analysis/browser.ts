import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { importOf, isServerPackage, meaningfulFolders } from '../roles';
import { propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { functionName } from './startup';
import { enclosingFunction, isFunction, type FunctionNode } from './scopes';
import { visitWithinFunction } from './visit';

/**
 * Imports that only code of a page makes: React's hooks (a server component may call none), the DOM renderer, UI
 * frameworks and their bindings, SWR's data hooks, and a Tauri desktop app's JavaScript API (only its web view loads
 * it). Plain `react` is left out (servers import it to render e-mails and documents), and so are a
 * client's data stores (`mobx`): fetching every page of a list grows with the server's data, not
 * with what a page shows.
 */
const REACT_HOOK_IMPORT =
  /\bimport\s*(?:\w+\s*,\s*)?\{[^}]*\b(?:useState|useEffect|useLayoutEffect|useReducer|useTransition|useOptimistic|useCallback|useMemo|useRef|useContext)\b[^}]*\}\s*from\s*['"]react['"]/;
const BROWSER_MODULE_IMPORT = importOf(
  String.raw`react-dom|react-dom\/client|react-router-dom|react-i18next|swr|swr\/[\w-]+|@tanstack\/(?:react|vue|svelte|solid)-query|@angular\/core|vue|svelte|solid-js|preact|mobx-react|mobx-react-lite|prosemirror-view|@codemirror\/view|@tauri-apps\/[\w-]+`,
);
/** Exports a framework runs on the server even in a component's file: Remix and React Router loaders and actions, Next.js data functions. */
const SERVER_EXPORT = /^(?:loader|action|getServerSideProps|getStaticProps|getStaticPaths|generateStaticParams|generateMetadata)$/;

/**
 * `'use client'` as the file's first statement: a React component module sent to the browser. Read from the tree: a pattern
 * over the text that skips the comments above it backtracks exponentially on a bundle's many banner comments.
 */
function opensWithClientDirective(context: RuleContext): boolean {
  const first = context.ast.body[0];
  return first?.type === AST_NODE_TYPES.ExpressionStatement && first.directive === 'use client';
}

/** A web app's folder of static files, served to browsers as they are written. */
const STATIC_FOLDER = /^(?:public|static)$/;
/** Scripts a static folder serves as they are (not TypeScript, which is compiled before it runs anywhere). */
const SERVED_SCRIPT = /\.(?:js|mjs)$/;

/** Whether the file is browser code by what it imports or declares, or a script served from a static folder (`public/sw.js`). */
function isBrowserFile(context: RuleContext): boolean {
  return context.shared.memo(
    'browser',
    () =>
      opensWithClientDirective(context) ||
      REACT_HOOK_IMPORT.test(context.text) ||
      BROWSER_MODULE_IMPORT.test(context.text) ||
      importsComponentHook(context) ||
      (SERVED_SCRIPT.test(context.fileName) && meaningfulFolders(context.fileName, context.options.project).some((folder) => STATIC_FOLDER.test(folder))) ||
      inClientFolder(context) ||
      inPagePackage(context) ||
      usesOnlyPageGlobals(context),
  );
}

/** A source folder (`app/`, `src/`) whose `client/` holds the browser's half of an app that keeps its server in a sibling folder. */
const SOURCE_FOLDER = /^(?:src|app)$/i;
/** Folders below a client folder that hold the server's code all the same (`frontend/pages/api/`, `src/client/server/`). */
const SERVER_FOLDER = /^(?:server|api|backend)$/i;

/**
 * `app/client/ui/WebhookPage.ts`, `src/client/views/Settings.ts`, `frontend/src/Editor.ts`: the browser's code of an app whose server
 * lives beside it (`app/server/`, `src/server/`, `backend/`), whatever UI library it uses. A file there that imports Node's own
 * modules or a server's packages runs on a server after all (a client of an API in a server's `src/client/`).
 */
function inClientFolder(context: RuleContext): boolean {
  const folders = meaningfulFolders(context.fileName, context.options.project);
  const index = folders.findIndex(
    (folder, position) => /^frontend$/i.test(folder) || (/^client$/i.test(folder) && position > 0 && SOURCE_FOLDER.test(folders[position - 1]!)),
  );
  return index >= 0 && !folders.slice(index + 1).some((folder) => SERVER_FOLDER.test(folder)) && !loadsNodeOrServer(context);
}

/** Whether the file imports or requires Node's own modules or a server's packages. */
function loadsNodeOrServer(context: RuleContext): boolean {
  return (
    context.ast.body.some((statement) => {
      const source = statement.type === AST_NODE_TYPES.ImportDeclaration ? String(statement.source.value) : undefined;
      return (
        source !== undefined &&
        (NODE_MODULE.test(source) ||
          isServerPackage(
            source
              .split('/')
              .slice(0, source.startsWith('@') ? 2 : 1)
              .join('/'),
          ))
      );
    }) || NODE_REQUIRE.test(context.text)
  );
}

/** Libraries that render a page in the browser: a package that depends on one and on nothing a server needs is a web app's. */
const PAGE_RENDERER_PACKAGE = /^(?:react-dom|vue|svelte|@angular\/core|solid-js)$/;
/** Renderers of e-mails, documents and HTML strings on a server (`@react-email/components`, `preact-render-to-string`): their package renders for a server. */
const SERVER_RENDERER_PACKAGE =
  /^(?:@react-email\/[\w-]+|react-email|preact-render-to-string|@react-pdf\/renderer|@vue\/server-renderer|vue-server-renderer|mjml|mjml-react)$/;

/**
 * A file of a web app's own package (`packages/app-admin/`): its package depends on a page renderer (`react-dom`, `vue`) and on no
 * server framework, database client, server-side renderer or Electron, and the file itself loads none of Node's modules (a build helper kept beside it).
 */
function inPagePackage(context: RuleContext): boolean {
  const dependencies = [...context.options.project.dependencies];
  return (
    dependencies.some((name) => PAGE_RENDERER_PACKAGE.test(name)) &&
    !dependencies.some((name) => isServerPackage(name) || isElectronPackage(name) || SERVER_RENDERER_PACKAGE.test(name)) &&
    !loadsNodeOrServer(context)
  );
}

/** `require('fs')`, `require('node:path')`, `require('express')`: a CommonJS file that loads Node's modules or a server's packages. */
const NODE_REQUIRE =
  /\brequire\s*\(\s*['"](?:node:[\w/]+|fs|path|os|http|https|net|child_process|crypto|stream|zlib|express|koa|fastify|pg|mysql2?|mongodb|mongoose|ioredis|redis)['"]/;

/**
 * The React bindings of data and state libraries: Apollo Client (whose main entry also holds its hooks), urql, React
 * Redux, Relay, RTK Query. Their `use…` hooks run only inside a component; the rest of these packages (`ApolloClient`,
 * `gql`, a Redux store) is also used on servers, so only an imported hook counts.
 */
const COMPONENT_HOOK_MODULE = /^(?:@apollo\/client(?:\/react(?:\/hooks)?)?|urql|react-redux|react-relay|@reduxjs\/toolkit\/query\/react)$/;
/** A hook's name, by React's convention: `useMutation`, `useSelector`. */
const HOOK_NAME = /^use[A-Z]/;

/** `import { useMutation } from '@apollo/client'`: a module that calls a component's data hook is a page's. */
function importsComponentHook(context: RuleContext): boolean {
  return context.ast.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      statement.importKind !== 'type' &&
      COMPONENT_HOOK_MODULE.test(statement.source.value) &&
      statement.specifiers.some(
        (specifier) =>
          specifier.type === AST_NODE_TYPES.ImportSpecifier &&
          specifier.importKind !== 'type' &&
          specifier.imported.type === AST_NODE_TYPES.Identifier &&
          HOOK_NAME.test(specifier.imported.name),
      ),
  );
}

/** Globals only a page has: the window, its document and storage, the reader of files a user picked, a clipboard's or drop's data. */
const PAGE_GLOBAL = /^(?:window|document|localStorage|sessionStorage|FileReader|DataTransfer)$/;
const PAGE_GLOBAL_WORD = /\b(?:window|document|localStorage|sessionStorage|FileReader|DataTransfer|navigator|self)\b/;
/** What only a browser's `navigator` holds (Node's has `hardwareConcurrency`, `platform`, `userAgent` too): `navigator.clipboard.read()`. */
const PAGE_NAVIGATOR = /^(?:clipboard|serviceWorker|geolocation|mediaDevices|permissions|share|vibrate|onLine|sendBeacon)$/;
/** A service worker's own members of `self`: `self.skipWaiting()`, `self.clients.claim()`, `self.registration`. */
const SERVICE_WORKER_SELF = /^(?:skipWaiting|clients|registration)$/;
/** Events only a service worker gets (a Cloudflare Worker's `fetch` alone says nothing). */
const SERVICE_WORKER_EVENT = /^(?:install|activate|push|notificationclick|sync|periodicsync)$/;
/** Types only a page's DOM declares: the events of its input, its history and its sockets (`MouseEvent`, `PopStateEvent`, `CloseEvent`). */
const PAGE_EVENT_TYPES = String.raw`(?:Mouse|Keyboard|Pointer|Touch|Drag|Clipboard|Focus|Wheel|Close|Storage|PopState|HashChange|BeforeUnload)Event`;
const PAGE_TYPE = new RegExp(`^${PAGE_EVENT_TYPES}$`);
const PAGE_TYPE_WORD = new RegExp(String.raw`\b${PAGE_EVENT_TYPES}\b`);
/** Modules that give a server a DOM of its own, or drive a browser's: their elements and events have the page's types. */
const SERVER_DOM_MODULE = /^(?:jsdom|linkedom|happy-dom|@happy-dom\/[\w-]+|domino|puppeteer(?:-core)?|playwright(?:-core)?|@playwright\/test)$/;
/** Globals only Node has. */
const NODE_GLOBAL = /^(?:process|Buffer|require|__dirname|__filename|global)$/;
/** Node's own modules, which no page can load. */
const NODE_MODULE = /^(?:node:[\w/]+|fs|fs\/promises|path|os|http|https|http2|net|tls|dns|child_process|crypto|stream|zlib|worker_threads|cluster|readline)$/;
/** Methods that run a function in a page a server drives (Puppeteer, Playwright): its globals are that page's, not the server's. */
const IN_PAGE_METHOD = /^(?:evaluate|evaluateHandle|evaluateOnNewDocument|\$eval|\$\$eval|waitForFunction|addInitScript)$/;

/**
 * A module that reads the page (`document.title`, `new FileReader()`, `navigator.clipboard`, outside a `typeof` test) or
 * is a service worker (`self.skipWaiting()`), and nothing of Node (no `process`, `Buffer`, `require` or Node module):
 * a browser script or SDK, whatever it imports.
 */
function usesOnlyPageGlobals(context: RuleContext): boolean {
  if (!PAGE_GLOBAL_WORD.test(context.text) && !PAGE_TYPE_WORD.test(context.text)) return false;
  const imported = context.ast.body.flatMap((statement) => (statement.type === AST_NODE_TYPES.ImportDeclaration ? [String(statement.source.value)] : []));
  if (imported.some((source) => NODE_MODULE.test(source))) return false;
  const ownDom = imported.some((source) => SERVER_DOM_MODULE.test(source));
  let page = false;
  for (const scope of context.scopeManager.scopes) {
    for (const reference of scope.references) {
      const identifier = reference.identifier;
      // Built-ins resolve to the library's implicit variables, which have no declaration in the file.
      if (identifier.type !== AST_NODE_TYPES.Identifier || (reference.resolved && reference.resolved.defs.length > 0)) continue;
      if (!reference.isValueReference) {
        if (PAGE_TYPE.test(identifier.name) && !ownDom) page = true;
        continue;
      }
      if (isTypeofOperand(identifier)) continue;
      if (NODE_GLOBAL.test(identifier.name) && !readsBuildSetting(identifier)) return false;
      if ((PAGE_GLOBAL.test(identifier.name) || readsPageMember(identifier)) && !inDrivenPage(identifier)) page = true;
    }
  }
  return page;
}

/** `navigator.clipboard`, `self.skipWaiting()`, `self.addEventListener('activate', …)`: a page's or a service worker's own globals. */
function readsPageMember(identifier: TSESTree.Identifier): boolean {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return false;
  const name = propertyName(member) ?? '';
  if (identifier.name === 'navigator') return PAGE_NAVIGATOR.test(name);
  if (identifier.name !== 'self') return false;
  if (SERVICE_WORKER_SELF.test(name)) return true;
  const call = member.parent;
  const event = call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call.arguments[0] : undefined;
  return name === 'addEventListener' && event?.type === AST_NODE_TYPES.Literal && SERVICE_WORKER_EVENT.test(String(event.value));
}

/** `process.env.API_URL`: bundlers write the value into code for the browser too. */
function readsBuildSetting(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  return identifier.name === 'process' && parent?.type === AST_NODE_TYPES.MemberExpression && !parent.computed && propertyName(parent) === 'env';
}

/** `typeof document !== 'undefined'`: a test of where the code runs, made by code that runs in both. */
function isTypeofOperand(identifier: TSESTree.Identifier): boolean {
  return identifier.parent?.type === AST_NODE_TYPES.UnaryExpression && identifier.parent.operator === 'typeof';
}

/** `page.evaluate(() => document.title)`: a function a server hands to the page it drives. */
function inDrivenPage(identifier: TSESTree.Identifier): boolean {
  for (let fn = enclosingFunction(identifier); fn; fn = enclosingFunction(fn)) {
    const call = fn.parent;
    if (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      IN_PAGE_METHOD.test(propertyName(call.callee) ?? '')
    )
      return true;
  }
  return false;
}

/**
 * Whether `node` runs in a user's browser: in a browser file, or in a page's own functions (an event handler
 * written as a JSX attribute, a function made inside a component that renders on the client), outside the server
 * functions such a file may export and the server actions it declares. What a page starts at once, or one after
 * another, is one user's (the items the page shows or the user picked), and the browser caps the requests it has
 * open to one server.
 */
export function runsInBrowser(context: RuleContext, node: TSESTree.Node): boolean {
  let inPageFunction = false;
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn) ?? wrapperName(fn);
    if ((name !== undefined && SERVER_EXPORT.test(name)) || declaresServerAction(fn)) return false;
    if (!inPageFunction) inPageFunction = isJsxAttributeValue(fn) || isClientComponent(fn) || isClassComponentMethod(fn) || takesHookResult(context, fn);
  }
  return inPageFunction || isBrowserFile(context);
}

/** `export const action = withUser(async ({ request }) => …)`: the name a function handed to a wrapper is given through it. */
function wrapperName(fn: FunctionNode): string | undefined {
  let current: TSESTree.Node = fn;
  while (current.parent?.type === AST_NODE_TYPES.CallExpression && current.parent.arguments.includes(current as TSESTree.CallExpressionArgument))
    current = current.parent;
  const declarator = current.parent;
  return current !== fn && declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier
    ? declarator.id.name
    : undefined;
}

/** `async function save(data) { 'use server'; … }`: a server action, which the page calls over the network. */
function declaresServerAction(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === 'use server') return true;
  }
  return false;
}

/** `onClick={async () => …}`, `onSubmit={form.handleSubmit(async (values) => …)}`: a handler the page calls on a user's action. */
function isJsxAttributeValue(fn: FunctionNode): boolean {
  for (let current: TSESTree.Node | undefined = fn.parent; current && !isFunction(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.JSXAttribute) return true;
  }
  return false;
}

/**
 * A component that is not `async` (a function returning JSX): only the page runs what it makes, since a server
 * component that waits for data is `async`, and the server cannot hand a function it made to the page.
 */
function isClientComponent(fn: FunctionNode): boolean {
  return !fn.async && returnsJsx(fn);
}

/** `typeof api.useUtils`, `typeof useQueryClient`: a type taken from a React hook. */
const HOOK_TYPE_QUERY = /\btypeof\s+(?:[\w$]+\s*\.\s*)*use[A-Z][\w$]*\b/;

/**
 * `function invalidate(utils: ReturnType<typeof api.useUtils>)`: a function handed what a React hook returned (tRPC's query utilities,
 * a query client) runs where the hook ran, in a component on the page.
 */
function takesHookResult(context: RuleContext, fn: FunctionNode): boolean {
  return fn.params.some((param) => {
    const binding = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    const annotation = 'typeAnnotation' in binding ? binding.typeAnnotation : undefined;
    return annotation !== undefined && HOOK_TYPE_QUERY.test(context.text.slice(annotation.range[0], annotation.range[1]));
  });
}

/** `class Editor extends Component { async paste() { … } render() { return <div />; } }`: a class component's method runs in the page. */
function isClassComponentMethod(fn: FunctionNode): boolean {
  const member = fn.parent;
  if (member?.type !== AST_NODE_TYPES.MethodDefinition && member?.type !== AST_NODE_TYPES.PropertyDefinition) return false;
  return member.parent.body.some(
    (other) =>
      other.type === AST_NODE_TYPES.MethodDefinition &&
      !other.computed &&
      other.key.type === AST_NODE_TYPES.Identifier &&
      other.key.name === 'render' &&
      other.value.type === AST_NODE_TYPES.FunctionExpression &&
      returnsJsx(other.value),
  );
}

/** `return <List />`, `return ready ? <Table /> : null`, `() => <Row />`: a function that renders JSX itself (not `c.html(<Page />)`, a server's response). */
function returnsJsx(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isJsx(fn.body);
  let found = false;
  visitWithinFunction(fn.body, (child) => {
    if (!found && child.type === AST_NODE_TYPES.ReturnStatement && child.argument) found = isJsx(child.argument);
  });
  return found;
}

function isJsx(expression: TSESTree.Node): boolean {
  const value = unwrapExpression(expression);
  if (value.type === AST_NODE_TYPES.JSXElement || value.type === AST_NODE_TYPES.JSXFragment) return true;
  if (value.type === AST_NODE_TYPES.ConditionalExpression) return isJsx(value.consequent) || isJsx(value.alternate);
  if (value.type === AST_NODE_TYPES.LogicalExpression) return isJsx(value.right);
  return false;
}

/**
 * Electron and the packages only an Electron app uses (`electron-updater`, `electron-store`, `@electron/remote`): an app's own
 * package.json, beside the one that builds it, lists them and not Electron itself. `electron-to-chromium` is browserslist's
 * table, which web builds depend on.
 */
export function isElectronPackage(name: string): boolean {
  return name === 'electron' || name.startsWith('@electron/') || (name.startsWith('electron-') && name !== 'electron-to-chromium');
}

/** Packages that make a mobile or desktop application other than Electron's (React Native, Expo, Capacitor, Tauri). */
const DEVICE_APP_PACKAGE = /^(?:react-native|expo|@capacitor\/core|@tauri-apps\/api)$/;
/** SQLite in the process: a local app's store, one file that one process opens, whose statements run one after another. */
const EMBEDDED_DATABASE_PACKAGE =
  /^(?:sqlite3|better-sqlite3|@journeyapps\/sqlcipher|react-native-sqlite-storage|expo-sqlite|@capacitor-community\/sqlite|@op-engineering\/op-sqlite|sql\.js|jeep-sqlite)$/;
/** Modules only a mobile or desktop app's code loads: Capacitor's and Tauri's plugins, React Native's and Expo's modules. */
const DEVICE_APP_MODULE = /^(?:@capacitor(?:-community)?\/[\w-]+|@tauri-apps\/[\w-]+|react-native|expo|expo-[\w-]+)(?:\/|$)/;

/**
 * Whether the file belongs to a package of an application that runs on one user's device: a desktop or mobile app
 * (it depends on Electron, React Native, Expo, Capacitor or Tauri, or the file imports their modules, as a mobile app's
 * sources do when its native shell is declared elsewhere), or a package whose database is SQLite in the
 * process and that needs no server (the library a desktop, mobile and command-line app share: sync, notes on a
 * local database). Its loops wait for one user, over that user's items, and its queries take turns on one file.
 */
export function runsOnDevice(context: RuleContext): boolean {
  return context.shared.memo('runsOnDevice', () => {
    const dependencies = [...context.options.project.dependencies];
    if (dependencies.some((name) => isElectronPackage(name) || DEVICE_APP_PACKAGE.test(name))) return true;
    if (context.ast.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && DEVICE_APP_MODULE.test(statement.source.value)))
      return true;
    return dependencies.some((name) => EMBEDDED_DATABASE_PACKAGE.test(name)) && !dependencies.some(isServerPackage);
  });
}

/** Libraries that ask a person at a terminal for answers: only a command a developer runs has someone to answer them. */
const TERMINAL_PROMPT_PACKAGE = /^(?:inquirer|@inquirer\/prompts|prompts|enquirer|@clack\/prompts)$/;

/**
 * Whether the file belongs to a package of command-line tools: it depends on a prompt library (`inquirer`, `prompts`,
 * `@clack/prompts`) and on no server package. Its code runs in a developer's terminal, once per command, as a script's does.
 */
export function runsInTerminal(context: RuleContext): boolean {
  return context.shared.memo('runsInTerminal', () => {
    const dependencies = [...context.options.project.dependencies];
    return dependencies.some((name) => TERMINAL_PROMPT_PACKAGE.test(name)) && !dependencies.some(isServerPackage);
  });
}

/** Form libraries of a page: their validation (`trigger`, `validateForm`) checks the values the form holds, in the browser. */
const FORM_MODULE = /^(?:react-hook-form|formik|@tanstack\/react-form|react-final-form|final-form)$/;

/**
 * `await trigger(fields)` where `trigger: UseFormTrigger<Values>`, or a method of what
 * `useForm()` or `useFormik()` returned (`const { trigger } = useForm()`, `form.validateForm()`):
 * a form library's work on the form in the page, which starts no request of its own.
 */
export function callsFormLibrary(context: RuleContext, node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  let root = unwrapExpression(call.callee);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, root)?.defs[0];
  if (definition?.type === 'Parameter') return typedByFormLibrary(context, definition.name);
  if (definition?.type !== 'Variable') return false;
  const init = definition.node.init && unwrapExpression(definition.node.init);
  return init?.type === AST_NODE_TYPES.CallExpression && FORM_MODULE.test(resolveModuleMember(context, init.callee)?.module ?? '');
}

/** `trigger: UseFormTrigger<Values>`: a parameter declared with a type the form library exports. */
function typedByFormLibrary(context: RuleContext, parameter: TSESTree.Node): boolean {
  const annotation = parameter.type === AST_NODE_TYPES.Identifier ? parameter.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  return FORM_MODULE.test(resolveModuleMember(context, annotation.typeName)?.module ?? '');
}

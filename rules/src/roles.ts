import type { PackageManifest } from './package-manifest';
import type { AnalysisOptions, ProjectInfo, RuleContext } from './types';

/**
 * What a file is for. Only production code serves users; tests, seeds and migrations run on a
 * developer's machine or once per deployment, and scripts run once and exit.
 */
export type FileRole = 'production' | 'test' | 'seed' | 'migration' | 'script';

export const FILE_ROLES: readonly FileRole[] = ['production', 'script', 'test', 'seed', 'migration'];

/** Roles whose findings are reported unless the configuration says otherwise. */
export const DEFAULT_CHECKED_ROLES: Readonly<Record<FileRole, boolean>> = {
  production: true,
  script: true,
  test: false,
  seed: false,
  migration: false,
};

/** Whether findings in files of `role` are reported under the configuration's `roles`. */
export function isRoleChecked(role: FileRole, roles: Partial<Record<FileRole, boolean>> | undefined): boolean {
  return roles?.[role] ?? DEFAULT_CHECKED_ROLES[role];
}

/** An `import … from`, a bare `import` or a `require` of one of `modules` (alternatives of a pattern) anywhere in a file's text. */
export function importOf(modules: string): RegExp {
  return new RegExp(String.raw`(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*)['"](?:${modules})['"]`);
}

/**
 * An import of a value from one of `modules` (`import type` brings in none: the module never runs), or a `require` of one.
 * The quoted name alone is looked for first: it is found four times faster than the statement, which is in most files no name of the list.
 */
function valueImportOf(modules: string): { test(text: string): boolean } {
  const named = new RegExp(String.raw`['"](?:${modules})['"]`);
  const statement = new RegExp(String.raw`^[ \t]*import\s+(?!type\b)[^'";]*?\bfrom\s*['"](?:${modules})['"]|\brequire\s*\(\s*['"](?:${modules})['"]`, 'm');
  return { test: (text) => named.test(text) && statement.test(text) };
}

/** `user.test.ts`, `app.e2e-spec.ts`, `login.cy.ts`, `auth.e2e-ee.ts`, `sum.bench.ts`. */
const TEST_FILE = /\.(?:test|spec|e2e|e2e-spec|cy|bench|test-d)(?:[-.][\w-]+)?\.[cm]?[jt]sx?$/i;
/** Test doubles kept beside the code they stand in for: `fake-user-store.ts`, `user-store.fake.ts`, `FakeMailer.ts`, `stub-clock.ts`. */
const TEST_DOUBLE_FILE = /^(?:fakes?|stubs?)[-_.]|[-_.](?:fakes?|stubs?)\.[cm]?[jt]sx?$|^(?:Fake|Stub)[A-Z]/;
/** Test folders, packages of test helpers named after their project (`medusa-test-utils`), and of the containers tests start (`testcontainers`). */
const TEST_FOLDER =
  /^(?:__tests__|__mocks__|__fixtures__|tests?|e2e|e2e[-_]tests?|specs?|cypress|playwright|integration-tests?|(?:[\w-]+-)?test-(?:utils?|helpers?|plugins?|support|setup|data|servers?)|testing|mocks?|fakes|stubs|load-test(?:s|ing)?|testcontainers|step[_-]definitions)$/i;
/** Performance benchmarks (`benchmarks/`, `packages/db/bench/`); under a source folder the name is the domain's (a finance app's `src/services/benchmark/`). */
const BENCHMARK_FOLDER = /^(?:bench|benchmarks?)$/i;
/** Folders that hold the application's own source. */
const SOURCE_FOLDER = /^(?:src|app|lib|server)$/i;
/**
 * Modules only tests import: runners (and their subpaths, `vitest/node` in a global setup, but not
 * `vitest/config`, which build configuration imports), assertion and mocking libraries, test clients, Cucumber's step definitions.
 */
const TEST_IMPORT = importOf(
  String.raw`vitest(?:\/(?!config['"])[\w./-]+)?|@vitest\/(?!config['"])[\w./-]+|@jest\/globals|jest|mocha|chai|ava|node:test|bun:test|tap|uvu|@playwright\/test|playwright\/test|cypress|supertest|sinon|nock|@testing-library\/[\w-]+|@nestjs\/testing|@cucumber\/cucumber|cucumber|jest-mock-extended|vitest-mock-extended|msw\/node|testcontainers|@testcontainers\/[\w-]+`,
);
/** `describe('…', …)` or `test('…', …)` at the start of a line: a suite written with the runner's globals. */
const TEST_GLOBALS = /^(?:describe|test|it|suite)(?:\.\w+)*\(\s*['"`]/m;

const SEED_FOLDER = /^(?:seeds?|seeders?|seeding|seed-data|mock-data|populators?)$/i;
/** `prisma/seed.ts`, `seed-users.ts`, `demo.seed.ts`, and the generators of made-up data: `mock.service.ts`, `orders.mock.ts`. */
const SEED_FILE = /(?:^|[.-])(?:seeds?|mocks?)(?:[.-][\w-]+)?\.[cm]?[jt]sx?$|^seed\w*\.[cm]?[jt]sx?$/i;
/** Fake-data generators: a file outside the tests that imports one makes up rows to fill a database with. */
const FAKE_DATA_IMPORT = importOf(String.raw`@faker-js\/faker|faker|@ngneat\/falso`);
/** Knex seed files export `seed(knex)`. */
const SEED_EXPORT = /\bexports\.seed\s*=|\bexport\s+(?:async\s+)?function\s+seed\s*\(|\bexport\s+const\s+seed\s*=/;

/** `migrations/`, `data-migrations/`, `migrators/`, and the one-off data jobs named as such: `backfills/`, `cutover/`. */
const MIGRATION_FOLDER = /^(?:(?:data-)?migrations|migrators|backfills?|cutovers?)$/i;
/**
 * The singular `migration/` holds migrations when they are named by time or version (`1680000000-AddUsers.ts`,
 * `20241209_segments/migration.ts`); otherwise it may be a feature that serves (an import from another service).
 */
const SINGULAR_MIGRATION_FOLDER = /^(?:(?:data-)?migration|migrator)$/i;
const MIGRATION_STEP_NAME = /^\d|^migration\.[cm]?[jt]sx?$/i;
/**
 * A folder named for the migrations it holds, the plural last: `predefinedMigrations/`,
 * `db-migrations/`, `schema_migrators/`. A singular compound (`runOpsMigration/`) names a feature
 * that moves live data while it serves.
 */
const MIGRATIONS_COMPOUND_FOLDER = /(?:[-_.][Mm]|[a-z0-9]M)igra(?:tions|tors?)$/;
/** `upgrades/1.10.0/fix-handles.js`: upgrade scripts kept per release run once, when the installed version moves past it. */
const UPGRADES_FOLDER = /^upgrades?$/i;
const RELEASE_FOLDER = /^v?\d+\.\d+(?:\.\d+)?$/;
/**
 * A migrator, named as such: `migrator.ts`, `data-migrator.ts`, `blocksToJsonMigrator.ts`, or the bare verb (`migrate.ts`,
 * `db-migrate.js`). A verb with an object (`migrateUserPlan.ts`) or `migration` (`migrationWorker.ts`) may name a feature that serves users.
 */
const MIGRATOR_FILE = /(?:^|[-_.])(?:[Mm]igrators?|migrate)\.[cm]?[jt]sx?$|[a-z0-9]Migrators?\.[cm]?[jt]sx?$/;
/** TypeORM and MikroORM migration classes. */
const MIGRATION_CLASS = /\bimplements\s+MigrationInterface\b|['"]@mikro-orm\/migrations['"]|\bextends\s+Migration\s*\{/;
/** Knex, sequelize-cli, node-pg-migrate and Umzug migrations: an `up` and a `down` step exported or declared side by side. */
const MIGRATION_STEPS = ['up', 'down'].map(
  (step) =>
    new RegExp(
      String.raw`(?:\bexports\.${step}\s*=|\bexport\s+(?:async\s+)?function\s+${step}\s*\(|\bexport\s+const\s+${step}\s*(?::[^=]+)?=|\b${step}\s*:\s*(?:async\s*)?(?:function\s*)?\(|\basync\s+${step}\s*\()`,
    ),
);
/**
 * What the steps are given or run besides the word `migration` itself: a query interface, a builder (node-pg-migrate's
 * `pgm`), Umzug, an `alteration` script, or tagged SQL (`up: async (pool) => pool.query(sql\`…\`)`).
 */
const MIGRATION_HINT = /queryInterface|knex|QueryRunner|Sequelize|migration|\bpgm\b|umzug|alteration|\bsql\s*`/i;

/**
 * A CI service's folder (`.github/actions/triage/`, `.gitlab/ci/`), one of a developer's tools: an editor's, a
 * coding agent's skills (`.claude/skills/`), git hooks, a dev container, Storybook; or a hidden folder of the
 * repository's own scripts and tools (`.scripts/bump-version.js`, `.tools/`). What it holds runs in a pipeline
 * or on a developer's machine, never on a request.
 */
const TOOLING_FOLDER =
  /^\.(?:github|gitlab|circleci|buildkite|claude|cursor|windsurf|codex|gemini|agents?|vscode|idea|husky|devcontainer|storybook|changeset|yarn|scripts?|tools|tooling)$/i;
/** The GitHub Actions toolkit (`@actions/core`, `@actions/github`): a file that imports it is a step of a workflow. */
const CI_IMPORT = importOf(String.raw`@actions\/[\w-]+`);
/** Script folders (`scripts/`, `migration-scripts/`, `db_scripts/`), and command-line packages named as such (`cli/`, `hoppscotch-cli`). */
const SCRIPT_FOLDER = /^(?:scripts?|[\w-]+[-_]scripts|bin|cli|[\w-]+-cli)$/i;
/**
 * A package's own tool folder (`tools/generate-icons.ts`). Deeper in the source, `chat/tools/` or
 * `server/tools/` holds the tools an assistant or an MCP server calls while it serves.
 */
const TOOL_FOLDER = /^(?:tools|tooling)$/i;
/**
 * Folders and packages that only run in a build or on a developer's machine: `vite/`,
 * `admin-vite-plugin`, `babel-plugin-x`, `build-scripts`, `admin-bundler`, `ui-devkit`,
 * `dev-server`. A server they start serves the developer's browser, not users.
 */
const BUILD_FOLDER =
  /^(?:vite|webpack|rollup|esbuild|[\w-]*devkit|dev-server|[\w-]+-(?:vite|webpack|rollup|esbuild|babel|postcss)-plugin|(?:vite|webpack|rollup|esbuild|babel|postcss|typedoc|remark|rehype|eslint)-plugin-[\w-]+|[\w-]+-bundler|[\w-]*build-scripts)$/i;
/**
 * A folder of the steps that cut a release (`extra/release/lib.mjs`: tag, build the images, upload the assets); under a source
 * folder the name is the domain's (`src/releases/` of an app that ships its users' releases).
 */
const RELEASE_STEPS_FOLDER = /^(?:release|releases|release-tools)$/i;
/** A package's bundling step (`bundling/function/buildHandler.js`); under a source folder the name is the domain's (a shop's product bundles). */
const BUNDLING_FOLDER = /^bundl(?:ing|ers?)$/i;
/**
 * A package named `build` (`packages/build`, its bundler extensions and plugins). Only the
 * package's own name counts: `src/commands/build/` may hold a service's build feature.
 */
const BUILD_PACKAGE = /^build$/i;
/**
 * Build and tool configuration: it runs in the build, never on a request; so do tools' hidden files (`.eslintrc.js`, Yarn's `.pnp.cjs`).
 * Payload's `payload.config.ts` is the application itself: its collections' hooks and endpoints serve requests.
 */
const SCRIPT_FILE =
  /^(?:\.[\w.-]+|(?!payload\.config\.)[\w-]+\.config|gulpfile|gruntfile|jakefile|plopfile|gatsby-node|webpack\.[\w.-]+|rollup\.[\w.-]+|esbuild\.[\w.-]+|build|(?:pre|post)?install)\.[cm]?[jt]s$/i;
/**
 * Code generators a developer runs to scaffold files: Turborepo's `turbo gen` (its config imports `@turbo/gen`), Plop, Hygen.
 * Their prompts and actions run on the developer's machine, never on a request.
 */
const GENERATOR_IMPORT = importOf(String.raw`@turbo\/gen|plop|node-plop|hygen`);
/** Hygen's templates folder (`_templates/component/new/prompt.js`), and Turborepo's generators (`turbo/generators/config.ts`). */
const GENERATOR_FOLDER = /^_templates$/;
const CLI_IMPORT =
  /(?:\bfrom\s*|\brequire\s*\(\s*)['"](?:yargs|yargs\/yargs|commander|@oclif\/core|@oclif\/command|clipanion|cac|meow|sade|citty|@commander-js\/extra-typings|nest-commander)['"]/;
/** Bundlers and build tools, and Expo's config plugins (they run in `expo prebuild`): a file that imports one is part of the build. */
const BUILD_IMPORT = importOf(
  String.raw`vite|webpack|rollup|esbuild|@rollup\/[\w-]+|@vitejs\/[\w-]+|@babel\/core|gulp|postcss|@angular-devkit\/[\w-]+|@expo\/config-plugins|expo\/config-plugins`,
);
/** Infrastructure as code (Pulumi, the AWS CDK, CDK for Terraform, cdk8s): a program that declares cloud resources runs when they are deployed. */
const INFRASTRUCTURE_IMPORT = valueImportOf(
  String.raw`@pulumi\/[\w./-]+|aws-cdk-lib(?:\/[\w./-]+)?|@aws-cdk\/[\w./-]+|cdktf|@cdktf\/[\w./-]+|cdk8s|constructs`,
);
/**
 * A command-line tool's own module or one of its plugins (`@scope/cli`, `@scope/cli-plugin-deploy/plugins`): a file that imports
 * one is a hook or a command that tool runs (before a build, after a deploy). Its `types` entry only types what served code hands it.
 */
const COMMAND_TOOL_IMPORT = valueImportOf(
  String.raw`(?:@[\w.-]+\/cli|(?:@[\w.-]+\/)?(?:[\w.-]+-)?(?:cli|oclif)-plugins?(?:-[\w.-]+)?)(?:\/(?!types['"])[\w./-]+)?`,
);
/**
 * Terminal prompts, spinners and task lists (`inquirer`, `ora`, `listr2`), and the libraries that list a monorepo's packages
 * (`get-yarn-workspaces`, `@manypkg/get-packages`): a server has no terminal to draw on and no workspace to link.
 */
const TERMINAL_TOOL_IMPORT = valueImportOf(
  String.raw`inquirer|@inquirer\/[\w-]+|enquirer|prompts|@clack\/prompts|ora|listr2?|get-yarn-workspaces|@manypkg\/get-packages|@pnpm\/find-workspace-packages`,
);
/** `yargs.command('deploy', …)` on the parser a command-line tool hands its plugins (`create({ yargs }) { … }`): a command's definition. */
const HANDED_COMMAND_PARSER = /\byargs\s*\.\s*(?:command|positional|option)\s*\(/;
/**
 * Signs that a file serves: it starts a server (`Bun.serve(...)` too), registers routes, or starts workers that run until the
 * process is stopped (`importWorker.start()`, `worker.run()`), so it is no one-off script.
 */
const SERVES_CALL = /\.listen\s*\(|\bNestFactory\b|\bcreateServer\s*\(|\bnew\s+Worker\s*\(|\b(?:Bun|Deno)\.serve\s*\(|\b\w*[wW]orker\s*\.\s*(?:start|run)\s*\(/;
/**
 * Server and desktop frameworks, imported, among them those started by a call of their own (`serve(app)` of `@hono/node-server`):
 * a string that only reads `"next"` (`rel="next"`) imports nothing.
 */
const SERVER_IMPORT = importOf(String.raw`express|koa|fastify|@hapi\/hapi|hono|@hono\/node-server|elysia|restify|next|electron`);

function serves(text: string): boolean {
  return SERVES_CALL.test(text) || SERVER_IMPORT.test(text);
}
/** An export of any kind: a module that other code calls into. `export {}` exports nothing: it only makes the file a module. */
const EXPORTS = /^\s*export\b(?!\s*\{\s*\})|\bmodule\.exports\b|^\s*exports\.\w+\s*=/m;
/** A call or await at the start of a line outside any function: `main();`, `await run();`, `void start();`, `run().catch(...)`. */
const TOP_LEVEL_RUN = /^(?:await\s+|void\s+)?(\w+)\s*\(/gm;

/**
 * Path segments from the package's folder down, with either kind of separator. Folders above it
 * say nothing of the file (a checkout may live in `~/tests/`); the package's own name counts (a
 * package called `testing` or `cli` says what its files are) unless it is the folder analysis
 * starts from, whose name the person who checked it out chose.
 */
function pathSegments(fileName: string, root: string | undefined, top: string | undefined): string[] {
  const segments = fileName.split(/[\\/]+/).filter(Boolean);
  const rootDepth = depthUnder(segments, root);
  const topDepth = depthUnder(segments, top);
  // Neither the package nor where analysis starts is known: an absolute path's folders may be anyone's.
  if (rootDepth === undefined && topDepth === undefined && isAbsolutePath(fileName)) return segments.slice(-1);
  return segments.slice(rootDepth === undefined ? (topDepth ?? 0) : Math.max(rootDepth - 1, topDepth ?? 0));
}

/** How many segments of a path `folder` takes up, when the path lies under it. */
function depthUnder(segments: readonly string[], folder: string | undefined): number | undefined {
  const folderSegments = folder?.split(/[\\/]+/).filter(Boolean) ?? [];
  const under = folderSegments.length > 0 && folderSegments.every((segment, index) => segments[index] === segment);
  return under ? folderSegments.length : undefined;
}

function isAbsolutePath(fileName: string): boolean {
  return fileName.startsWith('/') || fileName.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(fileName);
}

/** The folders of a file's path that say something of it: those below where analysis starts (see `pathSegments`). */
export function meaningfulFolders(fileName: string, project: ProjectInfo | undefined): string[] {
  return pathSegments(fileName, project?.root, project?.top).slice(0, -1);
}

/** Whether the file belongs to a build tool or a developer's server (`admin-bundler`, `dev-server`, a bundler plugin): it never serves users. */
export function inBuildFolder(fileName: string, project: ProjectInfo | undefined): boolean {
  const segments = pathSegments(fileName, project?.root, project?.top);
  return inFolder(segments, BUILD_FOLDER) || inLibraryBuildFolder(segments);
}

/**
 * `modules/asset/lib/build/internals.js`: the build step a library folder keeps for itself (its bundling, its asset
 * copies), run by a build command or a watcher. A `build` folder elsewhere (`src/core/build/`) may hold a service's build feature.
 */
function inLibraryBuildFolder(segments: readonly string[]): boolean {
  return segments.some((segment, index) => index > 0 && index < segments.length - 1 && /^build$/i.test(segment) && /^lib$/i.test(segments[index - 1]!));
}

/** Whether some folder of the path (not the file name) matches. */
function inFolder(segments: readonly string[], folder: RegExp): boolean {
  return segments.slice(0, -1).some((segment) => folder.test(segment));
}

/**
 * What a file's text shows of its role, apart from its path: the syntax signals keep the signs a
 * text shows, so that a file's role is known where its text is not (a file's importers).
 */
export type RoleSign = 'test' | 'migration' | 'seed' | 'build' | 'script' | 'command' | 'serves' | 'polls';

const ROLE_SIGNS: readonly RoleSign[] = ['test', 'migration', 'seed', 'build', 'script', 'command', 'serves', 'polls'];

const TEXT_SHOWS: Readonly<Record<RoleSign, (text: string) => boolean>> = {
  test: (text) => TEST_IMPORT.test(text) || TEST_GLOBALS.test(text),
  // Every class MIGRATION_CLASS knows names a `Migration` or `migrations`: the word is found far faster than the pattern.
  migration: (text) =>
    (text.includes('igration') && MIGRATION_CLASS.test(text)) || (MIGRATION_HINT.test(text) && MIGRATION_STEPS.every((step) => step.test(text))),
  // Every export SEED_EXPORT knows names `seed`: the word is found far faster than the pattern.
  seed: (text) => (text.includes('seed') && SEED_EXPORT.test(text)) || FAKE_DATA_IMPORT.test(text),
  build: (text) => BUILD_IMPORT.test(text),
  script: (text) =>
    text.startsWith('#!') ||
    CLI_IMPORT.test(text) ||
    CI_IMPORT.test(text) ||
    GENERATOR_IMPORT.test(text) ||
    INFRASTRUCTURE_IMPORT.test(text) ||
    COMMAND_TOOL_IMPORT.test(text) ||
    TERMINAL_TOOL_IMPORT.test(text) ||
    HANDED_COMMAND_PARSER.test(text) ||
    (onlyRunsTopLevel(text) && !runsAsWorkerThread(text) && !pollsWithoutEnd(text)) ||
    runsWhenEntryPoint(text) ||
    promptsTerminal(text),
  // `#!/usr/bin/env node`: a program the shell runs by its name.
  command: (text) => text.startsWith('#!'),
  serves,
  polls: pollsWithoutEnd,
};

/** The signs of its role a file's text shows. */
export function roleSignsOf(text: string): RoleSign[] {
  return ROLE_SIGNS.filter((sign) => TEXT_SHOWS[sign](text));
}

/** Asked of a file's text, or of the signs kept from it. */
type Shows = (sign: RoleSign) => boolean;

function isTest(segments: readonly string[], shows: Shows): boolean {
  const base = segments[segments.length - 1] ?? '';
  return (
    TEST_FILE.test(base) ||
    TEST_DOUBLE_FILE.test(base) ||
    inFolder(segments, TEST_FOLDER) ||
    inFolderOutsideSource(segments, BENCHMARK_FOLDER) ||
    inFeatureSupport(segments) ||
    shows('test')
  );
}

/** Cucumber's suites: a `features` folder (`features-legacy`) whose `support` folder holds the world, hooks and clients its steps use. */
const FEATURES_FOLDER = /^features(?:[-_][\w-]+)?$/i;

/** `features/support/api/http.ts` with no source folder above (`src/features/support/` names a feature of the application). */
function inFeatureSupport(segments: readonly string[]): boolean {
  const folders = segments.slice(0, -1);
  const found = folders.findIndex((segment, index) => FEATURES_FOLDER.test(segment) && folders[index + 1]?.toLowerCase() === 'support');
  return found >= 0 && !folders.slice(0, found).some((segment) => SOURCE_FOLDER.test(segment));
}

/** A folder of the path that matches, with no source folder above it (where the name would be the domain's). */
function inFolderOutsideSource(segments: readonly string[], folder: RegExp): boolean {
  const folders = segments.slice(0, -1);
  const found = folders.findIndex((segment) => folder.test(segment));
  return found >= 0 && !folders.slice(0, found).some((segment) => SOURCE_FOLDER.test(segment));
}

/** Whether a file is named as a test (`user.spec.ts`, `checkout.e2e.ts`), wherever it is. */
export function namedAsTest(fileName: string): boolean {
  return TEST_FILE.test(fileName.split(/[\\/]/).pop() ?? '');
}

/** Whether a file is a test or a test double by its path alone, below `top` (a file of a test folder, `user.spec.ts`, `fake-user-store.ts`). */
export function isTestPath(fileName: string, top: string): boolean {
  return isTest(pathSegments(fileName, undefined, top), () => false);
}

function isMigration(segments: readonly string[], shows: Shows): boolean {
  const base = segments[segments.length - 1] ?? '';
  return (
    inFolder(segments, MIGRATION_FOLDER) ||
    inFolder(segments, MIGRATIONS_COMPOUND_FOLDER) ||
    inSingularMigrationFolder(segments) ||
    inReleaseUpgradeFolder(segments) ||
    MIGRATOR_FILE.test(base) ||
    shows('migration')
  );
}

function inSingularMigrationFolder(segments: readonly string[]): boolean {
  const folder = segments.findIndex((segment, index) => index < segments.length - 1 && SINGULAR_MIGRATION_FOLDER.test(segment));
  return folder >= 0 && segments.slice(folder + 1).some((segment) => MIGRATION_STEP_NAME.test(segment));
}

function inReleaseUpgradeFolder(segments: readonly string[]): boolean {
  const folders = segments.slice(0, -1);
  return folders.some((segment, index) => index > 0 && RELEASE_FOLDER.test(segment) && UPGRADES_FOLDER.test(folders[index - 1]!));
}

function isSeed(segments: readonly string[], shows: Shows): boolean {
  const base = segments[segments.length - 1] ?? '';
  return inFolder(segments, SEED_FOLDER) || SEED_FILE.test(base) || shows('seed');
}

/**
 * A file that only runs its own top level: no exports, and a call at the start of a line of a
 * function it declares (`async function main() { … } main();`), an await at top level, or its
 * own command line read (`const email = process.argv[2]`).
 */
function onlyRunsTopLevel(text: string): boolean {
  if (EXPORTS.test(text)) return startsExportedProgram(text);
  if (/\bprocess\.argv\b/.test(text)) return true;
  for (const match of text.matchAll(TOP_LEVEL_RUN)) {
    const name = match[1]!;
    if (match[0].startsWith('await')) return true;
    if (new RegExp(`\\b(?:function\\s*\\*?\\s*${name}\\s*\\(|(?:const|let|var)\\s+${name}\\s*=)`).test(text)) return true;
  }
  return false;
}

/** `while (true) {`, `for (;;) {`, `while (!this.stopped) {`: the head of a loop that no count ends. */
const ENDLESS_LOOP_HEAD = /\b(?:while\s*\(\s*(?:true|1|!?(?:this\s*\.\s*)?#?([A-Za-z_$][\w$]*))\s*\)|for\s*\(\s*;\s*;\s*\))\s*\{/g;
/** `await sleep(ms)`, `await delay(interval)`, `await setTimeout(ms)` of timers/promises, `await wait(5_000)`: a pause between rounds. */
const AWAITED_PAUSE = /\bawait\s+(?:[\w$]+\s*\.\s*)?(?:sleep|delay|wait|pause|setTimeout)\s*\(/;
/**
 * A worker that polls until its process stops: a loop without end (`while (true)`, `for (;;)`, `while (this.running)`) that
 * pauses each round (`await delay(interval)`) and that no `break` or `return` of its own leaves. A drain that stops when a batch
 * comes back empty, or a wait for a database that stops once it answers, leaves its loop and is no worker.
 */
function pollsWithoutEnd(text: string): boolean {
  // Most files pause nowhere: the pause is looked for first, once, and only then the loops' bodies.
  if (!text.includes('await') || !AWAITED_PAUSE.test(text)) return false;
  for (const head of text.matchAll(ENDLESS_LOOP_HEAD)) {
    const body = blockAt(text, head.index + head[0].length - 1);
    // `while (cursor) { …; cursor = page.next; }`: a loop whose own body moves its test on is a walk, not a flag another part flips.
    const flag = head[1];
    const movesOn = flag !== undefined && new RegExp(String.raw`(?<![\w$.])${flag}\s*=(?!=)`).test(body ?? '');
    if (body !== undefined && !movesOn && AWAITED_PAUSE.test(body) && !leavesBlock(body)) return true;
  }
  return false;
}

/** The text between the brace at `open` and the one that closes it, counting braces only (a brace in a string is rare in a loop's body). */
function blockAt(text: string, open: number): string | undefined {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return text.slice(open + 1, index);
  }
  return undefined;
}

/** Whether a `break` or `return` in a loop's body leaves the loop: one outside the inner loops, switches and functions of the body. */
function leavesBlock(body: string): boolean {
  // Per open brace of the body, whether its block is one a `break` or `return` inside leaves instead of the loop.
  const ownExit: boolean[] = [];
  for (const token of body.matchAll(/[{}]|\b(?:break|return)\b/g)) {
    if (token[0] === '{') ownExit.push(opensOwnExit(body, token.index));
    else if (token[0] === '}') ownExit.pop();
    else if (!ownExit.includes(true)) return true;
  }
  return false;
}

/**
 * Whether the brace at `brace` opens an inner loop, a switch or a function (`for (…) {`, `do {`, `=> {`, `function f() {`, `run() {`),
 * not a branch (`if (…) {`, `catch (error) {`, `else {`, `try {`).
 */
function opensOwnExit(body: string, brace: number): boolean {
  const before = body.slice(0, brace).trimEnd();
  if (before.endsWith('=>') || /\bdo$/.test(before)) return true;
  if (!before.endsWith(')')) return false;
  let depth = 0;
  for (let index = before.length - 1; index >= 0; index--) {
    if (before[index] === ')') depth++;
    else if (before[index] === '(' && --depth === 0) {
      const word = /([\w$]+)\s*$/.exec(before.slice(0, index))?.[1];
      return word !== undefined && word !== 'if' && word !== 'catch';
    }
  }
  return false;
}

const WORKER_THREADS_IMPORT = importOf(String.raw`(?:node:)?worker_threads`);
const WORKER_THREAD_HANDLE = /\b(?:isMainThread|parentPort|workerData)\b/;

/**
 * A module that runs as a worker thread (`if (!isMainThread) run(workerData)`, `parentPort.on('message', …)`): its top level runs
 * the jobs the application hands it, neither a program of its own nor the application's start-up.
 */
export function runsAsWorkerThread(text: string): boolean {
  return WORKER_THREAD_HANDLE.test(text) && WORKER_THREADS_IMPORT.test(text);
}

/** `main().catch(...)` at the start of a line, with the failure of the program it starts handled there. */
const STARTED_PROGRAM = /^(\w+)\s*\(\s*\)\s*\.\s*(?:catch|then|finally)\s*\(/gm;

/**
 * `export async function main() { … }` then `main().catch(console.error)`: a program that exports the very function it
 * starts when loaded (for a runner or a test). A file that keeps its `main` to itself and exports helpers may be imported for them
 * (a worker's entry that shares its code).
 */
function startsExportedProgram(text: string): boolean {
  for (const match of text.matchAll(STARTED_PROGRAM)) {
    const name = match[1]!;
    if (new RegExp(`^\\s*export\\s+(?:default\\s+)?(?:async\\s+)?(?:function\\s*\\*?\\s*${name}\\s*\\(|(?:const|let)\\s+${name}\\s*=)`, 'm').test(text))
      return true;
  }
  return false;
}

/** `readline.createInterface({ input: process.stdin, … })`: questions asked on the terminal (`rl.question('Are you sure? ')`). */
const TERMINAL_PROMPT = /\bcreateInterface\s*\(\s*\{[^}]*?\binput\s*:\s*process\.stdin\b/;

/** A command-line tool that asks its user questions on the terminal: a server has no one at its terminal to answer. */
function promptsTerminal(text: string): boolean {
  return text.includes('process.stdin') && TERMINAL_PROMPT.test(text);
}

/** `require.main === module`, `import.meta.main`: the file runs its program only when Node starts it. */
const ENTRY_POINT_CHECK = /\brequire\.main\s*===?\s*module\b|\bmodule\s*===?\s*require\.main\b|\bimport\.meta\.main\b/;
/** The path of the program Node started, `process.argv[1]`, which a script compares with its own file. */
const STARTED_FILE = /\bprocess\.argv(?:\[1\]|\.at\(1\))/;

/**
 * A script that doubles as a library (its tests import its helpers): it runs its program only
 * when it is the file Node started, by `require.main === module`, `import.meta.main`, or
 * `process.argv[1]` compared with its own `__filename` or `import.meta.url`.
 */
function runsWhenEntryPoint(text: string): boolean {
  return ENTRY_POINT_CHECK.test(text) || (STARTED_FILE.test(text) && /\b__filename\b|\bimport\.meta\.(?:url|filename)\b/.test(text));
}

function isScript(
  segments: readonly string[],
  packageFolders: readonly string[],
  shows: Shows,
  project: Pick<ProjectInfo, 'commandLine'> | undefined,
): boolean {
  const base = segments[segments.length - 1] ?? '';
  if (
    project?.commandLine ||
    SCRIPT_FILE.test(base) ||
    shows('build') ||
    inFolder(segments, BUILD_FOLDER) ||
    inFolderOutsideSource(segments, BUNDLING_FOLDER) ||
    inFolderOutsideSource(segments, RELEASE_STEPS_FOLDER) ||
    inLibraryBuildFolder(segments) ||
    inScriptWatchFolder(segments) ||
    inGeneratorFolder(segments)
  )
    return true;
  // The package's own folder leads `segments` when it is below where analysis starts.
  const ownFolder = segments.length > packageFolders.length ? segments[0]! : undefined;
  if (ownFolder !== undefined && BUILD_PACKAGE.test(ownFolder)) return true;
  // A `tools/` folder at the top of the package, or a workspace package named `tools` (`packages/tools/`).
  const inToolFolder = (packageFolders.length > 1 && TOOL_FOLDER.test(packageFolders[0]!)) || (ownFolder !== undefined && TOOL_FOLDER.test(ownFolder));
  // A file that serves is no script; asked last, since most files show no sign of a script at all. A program of a script
  // folder the shell runs by its name (`bin/migrate.mjs` with `#!`) stays one when it serves a page of its own progress.
  return (
    (inFolder(segments, SCRIPT_FOLDER) || inToolFolder || shows('script')) && (!shows('serves') || (shows('command') && inFolder(segments, SCRIPT_FOLDER)))
  );
}

/** A file of Hygen's `_templates/` or of Turborepo's `turbo/generators/`. */
function inGeneratorFolder(segments: readonly string[]): boolean {
  const folders = segments.slice(0, -1);
  return inFolder(segments, GENERATOR_FOLDER) || folders.some((folder, index) => index > 0 && folder === 'generators' && folders[index - 1] === 'turbo');
}

/** A folder of a file watcher or of hot reloading. */
const WATCH_FOLDER = /^(?:watch|watcher|watchers|hot-?reload|hmr)$/i;

/**
 * `src/bin/lib/watch/watchHandler.ts`: the file watcher a command-line program's `dev` command starts, below a script folder.
 * It recompiles and restarts the developer's own server; what it imports from a web framework only types the app it restarts.
 */
function inScriptWatchFolder(segments: readonly string[]): boolean {
  const script = segments.findIndex((segment, index) => index < segments.length - 1 && SCRIPT_FOLDER.test(segment));
  return script >= 0 && segments.slice(script + 1, -1).some((segment) => WATCH_FOLDER.test(segment));
}

/** Path segments below the package's folder or where analysis starts, whichever is deeper: without the package's own name. */
function segmentsBelowPackage(fileName: string, project: Pick<ProjectInfo, 'root' | 'top'> | undefined): string[] {
  const segments = fileName.split(/[\\/]+/).filter(Boolean);
  const depths = [project?.root, project?.top].map((folder) => depthUnder(segments, folder)).filter((depth) => depth !== undefined);
  if (depths.length === 0) return isAbsolutePath(fileName) ? segments.slice(-1) : segments;
  return segments.slice(Math.max(...depths));
}

/**
 * `tools/migrate/backfill.ts` where `tools/migrate` is a package of its own: a workspace's tool
 * packages (data migrations, local setup) run on a developer's machine, like the `tools/` folder of one package.
 */
function packageInToolFolder(fileName: string, project: Pick<ProjectInfo, 'root' | 'top'> | undefined): boolean {
  const segments = fileName.split(/[\\/]+/).filter(Boolean);
  const rootDepth = depthUnder(segments, project?.root);
  const topDepth = depthUnder(segments, project?.top) ?? 0;
  return rootDepth !== undefined && rootDepth - 2 >= topDepth && TOOL_FOLDER.test(segments[rootDepth - 2]!);
}

/**
 * `.github/actions/triage/src/index.ts`, `.claude/skills/browser/server.mjs`: a CI or tooling folder anywhere
 * below where analysis starts, above the file's package too (an action is a package of its own inside `.github/`).
 */
function inToolingFolder(fileName: string, project: Pick<ProjectInfo, 'top'> | undefined): boolean {
  const segments = fileName.split(/[\\/]+/).filter(Boolean);
  const topDepth = depthUnder(segments, project?.top);
  if (topDepth === undefined && isAbsolutePath(fileName)) return false;
  return inFolder(segments.slice(topDepth ?? 0), TOOLING_FOLDER);
}

/**
 * `tests/kit/src/page.ts` where `tests/kit` is a package of its own: a test folder between where
 * analysis starts and the package's folder holds the workspace's test kits and end-to-end suites.
 */
function packageInTestFolder(fileName: string, project: Pick<ProjectInfo, 'root' | 'top'> | undefined): boolean {
  const segments = fileName.split(/[\\/]+/).filter(Boolean);
  const rootDepth = depthUnder(segments, project?.root);
  const topDepth = depthUnder(segments, project?.top);
  if (rootDepth === undefined || topDepth === undefined) return false;
  return segments.slice(topDepth, rootDepth - 1).some((segment) => TEST_FOLDER.test(segment) || BENCHMARK_FOLDER.test(segment));
}

/** Tests come first (a test of a migration is a test), then migrations, seeds and scripts; the rest is production code. */
function roleOf(fileName: string, shows: Shows, project: Pick<ProjectInfo, 'root' | 'top' | 'commandLine'> | undefined): FileRole {
  const segments = pathSegments(fileName, project?.root, project?.top);
  if (isTest(segments, shows) || packageInTestFolder(fileName, project)) return 'test';
  if (isMigration(segments, shows)) return 'migration';
  if (isSeed(segments, shows)) return 'seed';
  if (
    isScript(segments, segmentsBelowPackage(fileName, project), shows, project) ||
    packageInToolFolder(fileName, project) ||
    inToolingFolder(fileName, project)
  )
    return 'script';
  return 'production';
}

/** The role of a file, from its path and what its text imports and declares. */
export function detectRole(fileName: string, text: string, project?: ProjectInfo): FileRole {
  return roleOf(fileName, (sign) => TEXT_SHOWS[sign](text), project);
}

/** The role of a file from its path and the signs its text showed (`roleSignsOf`). */
export function roleFromSigns(fileName: string, signs: readonly RoleSign[], project: Pick<ProjectInfo, 'root' | 'top' | 'commandLine'>): FileRole {
  return roleOf(fileName, (sign) => signs.includes(sign), project);
}

/** The role configuration gives the file, or the one its path and imports show. */
export function fileRoleOf(text: string, fileName: string, options: AnalysisOptions): FileRole {
  return options.role ?? detectRole(fileName, text, options.project);
}

/** The role of the file a rule looks at. */
export function contextRole(context: RuleContext): FileRole {
  return context.shared.memo('role', () => fileRoleOf(context.text, context.fileName, context.options));
}

/** A program's entry that starts a server (`app.listen(port)`, `NestFactory.create(...)`) and parses no command line. */
export function isServingEntry(text: string): boolean {
  return SERVES_CALL.test(text) && !CLI_IMPORT.test(text);
}

/** An HTTP server built by hand (`http.createServer`), by a framework imported (`express()`), or by NestJS (`NestFactory.create`; not its `createApplicationContext`). */
const BUILDS_SERVER = /\bcreateServer\s*\(|\bNestFactory\.create\b/;

/** A module that builds an HTTP server and listens on it (`app.listen(port)`), and parses no command line. */
export function startsHttpServer(text: string): boolean {
  return /\.listen\s*\(/.test(text) && (BUILDS_SERVER.test(text) || SERVER_IMPORT.test(text)) && !CLI_IMPORT.test(text);
}

/** A program's entry that parses its command line with a CLI framework and starts no server. */
export function isCommandLineEntry(text: string): boolean {
  return CLI_IMPORT.test(text) && !serves(text);
}

/** A task's entry: it starts no server and runs no worker thread's jobs. */
export function isTaskEntry(text: string): boolean {
  return !serves(text) && !runsAsWorkerThread(text);
}

/** Source paths a package.json's `scripts` run (`ts-node src/index.ts`, `node dist/cli.js`) and its `main`, relative to its folder. */
export function scriptEntriesOf(manifest: PackageManifest): string[] {
  const paths = manifest.scripts.flatMap(([, command]) => commandPaths(command));
  if (manifest.main !== undefined) paths.push(manifest.main);
  return [...new Set(paths.map(withoutDotSlash))];
}

/**
 * Scripts that start or watch a process that keeps running (`start`, `dev`, `start:prod`, `serve`, `worker`, `queue:work`,
 * `migration:run`): what they run may serve or work for users.
 */
const LONG_RUNNING_SCRIPT =
  /(?:^|[:_-])(?:start|dev|develop|serve|server|prod|production|debug|watch|preview|workers?|work|jobs?|queues?|cron|schedulers?|consumers?|listen|daemon|run)(?:$|[:_-])/i;

/**
 * Source paths that a package.json's task scripts run (`"i18n:extract": "ts-node src/i18n/extract.ts"`, `"docs": "node
 * dist/tools/docs.js"`), relative to its folder: a task runs when a developer or the build asks, once, and exits.
 */
export function taskScriptEntriesOf(manifest: PackageManifest): string[] {
  const paths = manifest.scripts
    .filter(([name]) => !LONG_RUNNING_SCRIPT.test(name))
    .flatMap(([, command]) => commandPaths(command))
    .filter((entry) => !entry.split('/').includes('node_modules'));
  return [...new Set(paths.map(withoutDotSlash))];
}

/** Scripts named for work that recurs: a job, a queue or a schedule (`verify:jobs`, `daily-backup:email`, `cron:cleanup`). */
const RECURRING_SCRIPT = /(?:^|[:_-])(?:workers?|jobs?|queues?|cron|schedulers?|scheduled|consumers?|daily|weekly|hourly|nightly|monthly)(?:$|[:_-])/i;

/**
 * The programs a package.json runs as recurring work, as paths relative to its folder without their extension
 * (`"daily-backup:email": "node dist/bin/backup.js daily"` gives `dist/bin/backup`): a scheduler or a deployment's cron starts them.
 */
export function recurringScriptEntriesOf(manifest: PackageManifest): string[] {
  const paths = manifest.scripts.filter(([name]) => RECURRING_SCRIPT.test(name)).flatMap(([, command]) => commandPaths(command));
  return [...new Set(paths.map((entry) => withoutDotSlash(entry).replace(/\.[cm]?[jt]sx?$/, '')))];
}

function withoutDotSlash(entry: string): string {
  return entry.replace(/^\.\//, '');
}

/** The source files a command names (`src/docs.ts` of `ts-node --project tsconfig.json src/docs.ts`). */
function commandPaths(command: string): string[] {
  return command.match(/(?<=^|\s)[\w./-]+\.[cm]?[jt]sx?(?=\s|$)/g) ?? [];
}

/** The files a package.json's `bin` names, relative to its folder, without `./`. */
export function binEntriesOf(manifest: PackageManifest): string[] {
  return manifest.bin.map(withoutDotSlash);
}

/**
 * The folder an oclif command-line tool loads its commands from, relative to its package (`./dist/commands`): the one its package.json's
 * `oclif` section names, or oclif's own default for a package with that section, or with a `bin` and an oclif dependency.
 */
export function oclifCommandsOf(manifest: PackageManifest): string | undefined {
  if (manifest.oclif) {
    const commands = (manifest.oclif as { commands?: unknown }).commands;
    // `"commands": { "strategy": "pattern", "target": "./dist/commands" }` names its folder as a target.
    const folder = commands && typeof commands === 'object' ? (commands as { target?: unknown }).target : commands;
    return withoutDotSlash(typeof folder === 'string' ? folder : 'dist/commands');
  }
  const oclifDependency = manifest.dependencies.has('@oclif/core') || manifest.dependencies.has('@oclif/command');
  return oclifDependency && manifest.bin.length > 0 ? 'dist/commands' : undefined;
}

/** `cli-plugin-deploy`, `@scope/cli-plugin-scaffold`, `tool-cli-plugin`: a plugin of a command-line tool, by its name or a keyword. */
const COMMAND_PLUGIN_NAME = /^(?:[\w.-]+-)?(?:cli|oclif)-plugins?(?:-[\w.-]+)?$/i;

/**
 * A plugin of a command-line tool, named or tagged as one (`@scope/cli-plugin-deploy`, keyword `cli-plugin`): the tool loads
 * it by its name from its own configuration, so no `bin` or import of the plugin shows that all of it runs as commands.
 */
export function isCommandPluginPackage(manifest: PackageManifest): boolean {
  const unscoped = manifest.name?.replace(/^@[\w.-]+\//, '');
  return [...(unscoped === undefined ? [] : [unscoped]), ...manifest.keywords].some((name) => COMMAND_PLUGIN_NAME.test(name));
}

/** Packages only a server needs: an HTTP or RPC framework, or the client of a database server that many processes share. */
const SERVER_PACKAGE =
  /^(?:express|koa|fastify|@nestjs\/core|@hapi\/hapi|hono|next|@remix-run\/node|@sveltejs\/kit|nuxt|h3|@apollo\/server|apollo-server(?:-\w+)?|graphql-yoga|@trpc\/server|restify|@adonisjs\/core|@feathersjs\/feathers|pg|mysql2?|mongodb|mongoose|@prisma\/client|ioredis|redis|bullmq)$/;

/** Whether a package is one only a server needs (`express`, `@nestjs/core`, `pg`, `@prisma/client`, …). */
export function isServerPackage(name: string): boolean {
  return SERVER_PACKAGE.test(name);
}

/**
 * A workspace's own command-line tool: a `private` package (never published, so no one imports it as a library) with a
 * `bin` entry, that depends on no server framework or database server client. All of it runs as that command, however its
 * files import one another (path aliases, a barrel for its tests); a private package with a `bin` and `express` or `pg`
 * may be the application's server, started by that name.
 */
export function isPrivateToolPackage(manifest: PackageManifest): boolean {
  return manifest.private && manifest.bin.length > 0 && ![...manifest.dependencies].some(isServerPackage);
}

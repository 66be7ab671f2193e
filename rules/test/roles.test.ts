import * as assert from 'node:assert/strict';
import { analyze, DEFAULT_OPTIONS, readSyntax } from '../src';
import { roleSignsRead } from '../src/syntax-signals';
import {
  binEntriesOf,
  detectRole,
  isCommandLineEntry,
  isCommandPluginPackage,
  isRoleChecked,
  isTaskEntry,
  oclifCommandsOf,
  roleFromSigns,
  roleSignsOf,
  scriptEntriesOf,
  startsHttpServer,
  taskScriptEntriesOf,
  type FileRole,
} from '../src/roles';
import { packageManifestOf } from '../src/package-manifest';

const LOOP = `export async function f(ids: string[]) {\n  for (const id of ids) await fetchUser(id);\n}\n`;

describe('file roles', () => {
  const cases: Array<[string, string, FileRole]> = [
    ['src/users/users.service.ts', LOOP, 'production'],
    ['src/users/users.service.spec.ts', LOOP, 'test'],
    ['apps/api/e2e/auth.e2e-ee.ts', LOOP, 'test'],
    ['src/__tests__/users.ts', LOOP, 'test'],
    ['src/helpers.ts', `import { describe, it } from 'vitest';\n${LOOP}`, 'test'],
    ['src/helpers.ts', `import { test } from '@playwright/test';\n${LOOP}`, 'test'],
    ['src/helpers.ts', `const test = require('node:test');\n${LOOP}`, 'test'],
    ['features/step_definitions/http.ts', `import { When } from '@cucumber/cucumber';\n${LOOP}`, 'test'],
    ['src/steps.js', `const { Given } = require('cucumber');\n${LOOP}`, 'test'],
    ['src/orders/cucumber-farm.ts', LOOP, 'production'],
    ['features/step_definitions/orders.ts', LOOP, 'test'],
    ['features-legacy/support/api/http.ts', LOOP, 'test'],
    ['src/features/support/tickets.ts', LOOP, 'production'],
    ['features/orders/support.ts', LOOP, 'production'],
    ['src/flows.ts', `describe('flows', () => {});\n`, 'test'],
    ['src/setup/containers.ts', `import type { GlobalSetupContext } from 'vitest/node';\n${LOOP}`, 'test'],
    ['src/setup/browser.ts', `import { page } from '@vitest/browser/context';\n${LOOP}`, 'test'],
    ['src/shared/vitest-base.ts', `import { defineConfig } from 'vitest/config';\n${LOOP}`, 'production'],
    ['vitest.config.ts', `import { defineConfig } from 'vitest/config';\n${LOOP}`, 'script'],
    ['packages/e2e_tests/setup/containers.ts', LOOP, 'test'],
    ['apps/e2e-tests/src/login.ts', LOOP, 'test'],
    ['src/features/e2e-encryption/keys.ts', LOOP, 'production'],
    ['src/lib/features/tags/fake-tag-store.ts', LOOP, 'test'],
    ['src/lib/features/tags/tag-store.fake.ts', LOOP, 'test'],
    ['src/users/FakeUserRepository.ts', LOOP, 'test'],
    ['src/clock/stub-clock.ts', LOOP, 'test'],
    ['src/lib/features/tags/fakes/tag-store.ts', LOOP, 'test'],
    ['src/mock-server/mock-server.service.ts', LOOP, 'production'],
    ['src/fakers/fakeable.ts', LOOP, 'production'],
    ['src/shared/stubborn-retry.ts', LOOP, 'production'],
    ['packages/prisma/seed.ts', LOOP, 'seed'],
    ['src/services/mock.service.ts', LOOP, 'seed'],
    ['src/catalog/products.mock.ts', LOOP, 'seed'],
    ['src/dev/demo-data.ts', `import { faker } from '@faker-js/faker';\n${LOOP}`, 'seed'],
    ['src/users/users.factory.spec.ts', `import { faker } from '@faker-js/faker';\n${LOOP}`, 'test'],
    ['src/services/mockup-renderer.ts', LOOP, 'production'],
    ['src/fraud/faker-detector.ts', LOOP, 'production'],
    ['packages/prisma/seed/users.ts', LOOP, 'seed'],
    ['db/01_users.ts', `export async function seed(knex: Knex) {}\n`, 'seed'],
    ['db/01_users.js', `exports.seed = async (knex) => {};\n`, 'seed'],
    ['src/db/Migration20230101.ts', `export class Migration20230101 extends Migration {\n  async up() {}\n}\n`, 'migration'],
    ['src/db/Users.ts', `import { Migration } from '@mikro-orm/migrations';\n`, 'migration'],
    ['server/migrations/20230101-add-users.js', LOOP, 'migration'],
    ['src/db/data-migrations/2024-normalize-emails.ts', LOOP, 'migration'],
    ['src/auth/lib/cutover/reencode-secrets.ts', LOOP, 'migration'],
    ['src/jobs/backfills/fill-slugs.ts', LOOP, 'migration'],
    ['src/jobs/backfilled-counters.ts', LOOP, 'production'],
    ['src/upgrades/1.10.0/hash-recent-ips.js', LOOP, 'migration'],
    ['src/migration/1680000000000-AddUsers.ts', LOOP, 'migration'],
    ['packages/database/migration/20241209104738_segments/migration.ts', LOOP, 'migration'],
    ['apps/web/lib/api/controllers/migration/importFromHTMLFile.ts', LOOP, 'production'],
    ['server/upgrades/v3.2/rename-settings.ts', LOOP, 'migration'],
    ['src/billing/upgrades/pro-plan.ts', LOOP, 'production'],
    ['src/releases/1.10.0/notes.ts', LOOP, 'production'],
    ['extra/release/lib.mjs', LOOP, 'script'],
    ['tools-repo/release/upload.ts', LOOP, 'script'],
    ['server/release/schedule.ts', LOOP, 'production'],
    ['src/db/AddUsers1680000000000.ts', `export class AddUsers1680000000000 implements MigrationInterface {}\n`, 'migration'],
    ['db/2023_users.js', `exports.up = function (knex) {};\nexports.down = function (knex) {};\n`, 'migration'],
    ['packages/db-postgres/src/predefinedMigrations/localize-status.ts', LOOP, 'migration'],
    ['src/db/schema-migrations/add-index.ts', LOOP, 'migration'],
    ['src/db/migrators/v2.ts', LOOP, 'migration'],
    ['src/utilities/blocksToJsonMigrator.ts', LOOP, 'migration'],
    ['src/db/data-migrator.ts', LOOP, 'migration'],
    ['server/src/db/migrate.js', LOOP, 'migration'],
    ['packages/db/db-migrate.ts', LOOP, 'migration'],
    ['src/v3/runOpsMigration/resolver.server.ts', LOOP, 'production'],
    ['src/services/billing/migrateUserPlan.ts', LOOP, 'production'],
    ['src/workers/migrationWorker.ts', LOOP, 'production'],
    ['src/immigration/visa-checks.ts', LOOP, 'production'],
    ['db/2023_users.js', `module.exports = {\n  up: async (queryInterface, Sequelize) => {},\n  down: async (queryInterface) => {},\n};\n`, 'migration'],
    ['db/1680000000_users.js', `exports.up = (pgm) => {\n  pgm.addColumn('users', {});\n};\nexports.down = (pgm) => {};\n`, 'migration'],
    [
      'db/2023.01.01T00.00.00.users.ts',
      `export const up: Step = async ({ context }) => {};\nexport const down = async ({ context }) => {};\nnew Umzug({});\n`,
      'migration',
    ],
    [
      'packages/schemas/changes/1.2.0-users.ts',
      `const alteration: AlterationScript = {\n  up: async (pool) => {},\n  down: async (pool) => {},\n};\nexport default alteration;\n`,
      'migration',
    ],
    [
      'db/changes/002-users.ts',
      `export default {\n  up: async (pool) => pool.query(sql\`alter table users\`),\n  down: async (pool) => {},\n};\n`,
      'migration',
    ],
    ['src/ui/keys.ts', `export const keys = {\n  up: async (event) => move(-1),\n  down: async (event) => move(1),\n};\n`, 'production'],
    ['src/ui/counter.ts', `export const up = (count: number) => count + 1;\nexport const down = (count: number) => count - 1;\n`, 'production'],
    ['scripts/build-docs.ts', LOOP, 'script'],
    ['bin/run.js', LOOP, 'script'],
    ['apps/server/migration-scripts/add-actions.ts', LOOP, 'script'],
    ['apps/server/src/db_scripts/reindex.ts', LOOP, 'script'],
    ['apps/server/src/subscripts/render.ts', LOOP, 'production'],
    ['vite.config.ts', LOOP, 'script'],
    // Payload's configuration is the application: its collections' hooks serve requests.
    ['src/payload.config.ts', `import { buildConfig } from 'payload';\n${LOOP}`, 'production'],
    ['.pnp.loader.mjs', `import fs from 'fs';\n${LOOP}`, 'script'],
    ['packages/web/.eslintrc.cjs', LOOP, 'script'],
    ['packages/dashboard/vite/plugin.ts', `import type { Plugin } from 'vite';\n${LOOP}`, 'script'],
    ['packages/dev-server/load-testing/run.ts', LOOP, 'test'],
    ['benchmarks/api/latency.ts', LOOP, 'test'],
    ['packages/db/bench/queries.ts', LOOP, 'test'],
    ['apps/api/src/services/benchmark/benchmark.service.ts', LOOP, 'production'],
    ['apps/api/src/app/endpoints/benchmarks/benchmarks.controller.ts', LOOP, 'production'],
    ['src/cli.ts', `import { Command } from 'commander';\n${LOOP}`, 'script'],
    ['.github/scripts/label-issues.ts', LOOP, 'script'],
    ['.gitlab/ci/release-notes.ts', LOOP, 'script'],
    ['.claude/skills/browser/server.mjs', `import http from 'node:http';\n${LOOP}`, 'script'],
    ['.storybook/preview.tsx', LOOP, 'script'],
    ['.scripts/bump-version.js', LOOP, 'script'],
    ['.scripts/icons/generators/desktop.ts', LOOP, 'script'],
    ['.tools/release/changelog.mjs', LOOP, 'script'],
    ['app/.server/orders.ts', LOOP, 'production'],
    ['app/.well-known/openid-configuration/route.ts', LOOP, 'production'],
    ['src/notify.ts', `import { getInput } from '@actions/core';\n${LOOP}`, 'script'],
    ['src/integrations/github/actions.ts', `import { Octokit } from '@octokit/rest';\n${LOOP}`, 'production'],
    ['src/sync.ts', `#!/usr/bin/env node\n${LOOP}`, 'script'],
    ['src/serve.ts', `#!/usr/bin/env node\nimport express from 'express';\n${LOOP}`, 'production'],
    ['tools/bin/export-boards.mjs', `#!/usr/bin/env node\nimport http from 'node:http';\nhttp.createServer(progress).listen(8080);\n${LOOP}`, 'script'],
    ['scripts/serve-reports.mjs', `import http from 'node:http';\nhttp.createServer(progress).listen(8080);\n${LOOP}`, 'production'],
    ['src/cli/lib/watch/onChange.ts', `import type { Application } from 'express';\nimport { Router } from 'express';\n${LOOP}`, 'script'],
    ['src/bin/dev/hot-reload/reload.ts', `import express from 'express';\n${LOOP}`, 'script'],
    ['src/modules/watch/subscribe.ts', `import express from 'express';\n${LOOP}`, 'production'],
    ['src/bin/serve/handlers.ts', `import express from 'express';\n${LOOP}`, 'production'],
    ['src/backfill.ts', `async function main() {}\nmain().catch(console.error);\n`, 'script'],
    ['src/backfill-actions.ts', `export async function main() {}\nmain().catch(console.error);\n`, 'script'],
    ['src/start-worker.ts', `export function patch() {}\nasync function main() {}\nmain().catch(console.error);\n`, 'production'],
    ['src/start-queue.ts', `export async function main() {}\nmain();\n`, 'production'],
    ['apps/jobs/index.ts', `async function main() {\n  const importWorker = new ImportWorker();\n  await importWorker.start();\n}\nmain();\n`, 'production'],
    ['apps/jobs/run.ts', `async function main() {\n  await Promise.all(workers.map(({ worker }) => worker.run()));\n}\nmain();\n`, 'production'],
    ['src/reimport.ts', `async function main() {\n  const importer = new Importer();\n  await importer.run();\n}\nmain();\n`, 'script'],
    ['apps/poller/index.ts', `async function main() {\n  while (true) {\n    await syncFeeds();\n    await delay(60_000);\n  }\n}\nmain();\n`, 'production'],
    [
      'src/watch-queue.ts',
      `async function init() {\n  for (;;) {\n    const job = await next();\n    if (job) { await run(job); continue; }\n    await sleep(1000);\n  }\n}\ninit();\n`,
      'production',
    ],
    [
      'src/drain.ts',
      `async function main() {\n  while (true) {\n    const rows = await next(100);\n    if (rows.length === 0) break;\n    await sleep(50);\n  }\n}\nmain();\n`,
      'script',
    ],
    ['src/wait-db.ts', `async function main() {\n  while (true) {\n    try { await ping(); return; } catch { await sleep(500); }\n  }\n}\nmain();\n`, 'script'],
    [
      'src/walk-pages.ts',
      `async function main() {\n  let cursor = first;\n  while (cursor) {\n    const page = await fetchPage(cursor);\n    cursor = page.next;\n    await sleep(100);\n  }\n}\nmain();\n`,
      'script',
    ],
    [
      'src/tick.ts',
      `async function main() {\n  while (true) {\n    for (const feed of await feeds()) { if (!feed.ok) break; }\n    await delay(5_000);\n  }\n}\nmain();\n`,
      'production',
    ],
    ['src/i18n/collect.ts', `async function collect() {}\ncollect();\n\nexport {};\n`, 'script'],
    ['src/i18n/messages.ts', `async function collect() {}\ncollect();\n\nexport { collect };\n`, 'production'],
    [
      'src/jobs/resize.worker.ts',
      `import { isMainThread, workerData } from 'worker_threads';\nasync function resize() {}\nif (!isMainThread) resize();\n`,
      'production',
    ],
    ['src/jobs/thumbnails.ts', `import { parentPort } from 'node:worker_threads';\nasync function run() {}\nrun();\n`, 'production'],
    ['admin/remove-user.ts', `import { connect } from './db';\nconst email = process.argv[2];\nconnect(async () => remove(email));\n`, 'script'],
    ['src/users.ts', `export const email = process.argv[2];\n${LOOP}`, 'production'],
    ['src/main.ts', `async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }\nbootstrap();\n`, 'production'],
    ['src/commands/create-user.command.ts', `export class CreateUserCommand {}\n`, 'production'],
    ['packages/admin-vite-plugin/src/routes.ts', LOOP, 'script'],
    ['packages/babel-plugin-macros/src/index.ts', LOOP, 'script'],
    ['packages/admin-bundler/src/build.ts', LOOP, 'script'],
    ['www/packages/build-scripts/src/sidebar.ts', LOOP, 'script'],
    ['modules/theme-assets/lib/build/bundles.js', LOOP, 'script'],
    ['packages/pages/lib/build/copy-sources.ts', LOOP, 'script'],
    ['src/core/build/build.service.ts', LOOP, 'production'],
    ['src/build/lib/queue.ts', LOOP, 'production'],
    ['server/lib/builders/docker.ts', LOOP, 'production'],
    ['packages/vite-config/src/index.ts', LOOP, 'production'],
    ['src/data-import/populator/populator.ts', LOOP, 'seed'],
    ['packages/dashboard/vite/utils/compiler.ts', LOOP, 'script'],
    ['packages/ui-devkit/src/compiler/scaffold.ts', LOOP, 'script'],
    ['packages/dev-server/plugins/reviews.ts', LOOP, 'script'],
    ['packages/core/test-plugins/slow-task.ts', LOOP, 'test'],
    ['packages/shop-test-utils/src/database.ts', LOOP, 'test'],
    ['packages/shop-utils/src/database.ts', LOOP, 'production'],
    ['packages/shop-cli/src/commands/run.ts', LOOP, 'script'],
    ['packages/admin-bundler/src/lib/develop.ts', `import express from 'express';\n${LOOP}`, 'script'],
    ['packages/shop/scripts/serve.ts', `import express from 'express';\n${LOOP}`, 'production'],
    ['scripts/sync-alerts.mjs', `#!/usr/bin/env node\nconst next = /rel="next"/;\n${LOOP}`, 'script'],
    ['scripts/serve-docs.mjs', `const next = require('next');\n${LOOP}`, 'production'],
    ['packages/shop-client/src/run.ts', LOOP, 'production'],
    ['apps/mobile/plugins/with-splash.js', `const { withDangerousMod } = require('@expo/config-plugins');\nmodule.exports = (config) => config;\n`, 'script'],
    ['apps/mobile/plugins/with-icons.ts', `import { withInfoPlist } from 'expo/config-plugins';\n${LOOP}`, 'script'],
    ['packages/i18n/src/scan.ts', `export function flatten() {}\nasync function main() {}\nif (require.main === module) void main();\n${LOOP}`, 'script'],
    [
      'tools-lib/src/report.ts',
      `import { fileURLToPath } from 'node:url';\n${LOOP}if (process.argv[1] === fileURLToPath(import.meta.url)) void f([]);\n`,
      'script',
    ],
    ['lib/check.ts', `const started = process.argv.at(1);\nconst isEntry = started !== undefined && resolve(started) === __filename;\n${LOOP}`, 'script'],
    ['src/sync.ts', `${LOOP}if (import.meta.main) await f([]);\n`, 'script'],
    ['src/logger.ts', `export const program = basename(process.argv[1] ?? 'app');\n${LOOP}`, 'production'],
    ['src/worker.ts', `import express from 'express';\n${LOOP}if (require.main === module) express().listen(3000);\n`, 'production'],
    [
      'src/index.ts',
      `import { serve } from '@hono/node-server';\nimport { fileURLToPath } from 'node:url';\n${LOOP}if (process.argv[1] === fileURLToPath(import.meta.url)) serve({ fetch: app.fetch });\n`,
      'production',
    ],
    ['src/server.ts', `${LOOP}if (import.meta.main) Bun.serve({ fetch: handle });\n`, 'production'],
    ['turbo/generators/config.ts', `import type { PlopTypes } from '@turbo/gen';\n${LOOP}`, 'script'],
    ['turbo/generators/helpers.ts', LOOP, 'script'],
    ['tooling/codegen/index.ts', `import nodePlop from 'node-plop';\n${LOOP}`, 'script'],
    ['plopfile.mjs', LOOP, 'script'],
    ['_templates/service/new/prompt.js', LOOP, 'script'],
    ['infra/src/website.ts', `import * as aws from '@pulumi/aws';\n${LOOP}`, 'script'],
    ['lib/stacks/storage-stack.ts', `import { Stack } from 'aws-cdk-lib';\nimport { Construct } from 'constructs';\n${LOOP}`, 'script'],
    ['src/main.ts', `import { TerraformStack } from 'cdktf';\n${LOOP}`, 'script'],
    ['src/hooks/copyHandlers.ts', `import { cli } from '@acme/cli';\n${LOOP}`, 'script'],
    ['src/hooks/afterBuild.ts', `import { AfterBuildPlugin } from '@acme/cli-plugin-deploy/plugins';\n${LOOP}`, 'script'],
    ['setup.js', `const ora = require('ora');\nmodule.exports = async function setup() {};\n${LOOP}`, 'script'],
    ['src/ask.ts', `import { select } from '@inquirer/prompts';\n${LOOP}`, 'script'],
    ['utils/linkPackages.js', `const packages = require('get-yarn-workspaces')(process.cwd());\nmodule.exports = { packages };\n${LOOP}`, 'script'],
    ['src/orders/orders.service.ts', `import { createClient } from '@acme/client';\nimport { parse } from '@acme/cli-utils';\n${LOOP}`, 'production'],
    ['src/clients/workflows.ts', `import type { Context } from '@acme/cli/types';\nimport type * as pulumi from '@pulumi/pulumi';\n${LOOP}`, 'production'],
    ['src/clients/step-functions.ts', `import { GenericRecord } from '@acme/cli/types';\n${LOOP}`, 'production'],
    ['lib/stacks/api-stack.ts', `import {\n  Stack,\n  type StackProps,\n} from 'aws-cdk-lib';\n${LOOP}`, 'script'],
    ['src/progress.ts', `import ora from 'ora';\nimport express from 'express';\n${LOOP}`, 'production'],
    ['src/prompts/render.ts', `import { prompts } from './prompts';\n${LOOP}`, 'production'],
    ['src/tools/labels.ts', `export const spinners = ['ora', 'inquirer'];\nconst stack = "aws-cdk-lib";\n${LOOP}`, 'production'],
    ['bundling/function/buildHandler.js', LOOP, 'script'],
    [
      'commands/index.js',
      `module.exports = [{ type: 'cli-command', create({ yargs }) { yargs.command('deploy', 'Deploys', () => {}, run); } }];\n${LOOP}`,
      'script',
    ],
    ['src/catalog/bundling/price.ts', LOOP, 'production'],
    ['src/generators/invoice-number.ts', LOOP, 'production'],
    ['apps/api/src/build/manifest.ts', LOOP, 'production'],
    ['internal-packages/testcontainers/src/docker.ts', LOOP, 'test'],
    ['src/support/postgres.ts', `import { PostgreSqlContainer } from '@testcontainers/postgresql';\n${LOOP}`, 'test'],
    ['src/db/containers.ts', `import { GenericContainer } from 'testcontainers';\n${LOOP}`, 'test'],
  ];
  for (const [fileName, text, role] of cases) {
    it(`${fileName} (${text.split('\n')[0]!.slice(0, 40)}) is ${role}`, () => {
      assert.equal(detectRole(fileName, text), role);
    });
  }

  it('is the same from the signs a text shows as from the text', () => {
    for (const [fileName, text, role] of cases) assert.equal(roleFromSigns(fileName, roleSignsOf(text), {}), role, fileName);
  });

  it('reads folders below the project root only', () => {
    assert.equal(detectRole('/home/me/tests/shop/src/orders.ts', LOOP, { dependencies: new Set(), root: '/home/me/tests/shop' }), 'production');
    assert.equal(detectRole('/home/me/shop/test/orders.ts', LOOP, { dependencies: new Set(), root: '/home/me/shop' }), 'test');
    assert.equal(detectRole('/repo/packages/testing/src/server.ts', LOOP, { dependencies: new Set(), root: '/repo/packages/testing' }), 'test');
    // With no package and no folder to start from, only the file's own name counts.
    assert.equal(detectRole('/home/me/cli/src/orders.ts', LOOP, { dependencies: new Set() }), 'production');
    assert.equal(detectRole('/home/me/cli/src/orders.ts', LOOP), 'production');
    assert.equal(detectRole('/home/me/shop/src/orders.spec.ts', LOOP), 'test');
    assert.equal(detectRole('scripts/backfill.ts', LOOP), 'script');
  });

  it('counts a package named build as scripts, not a build folder inside a package or at the top of the analysis', () => {
    const project = (root: string) => ({ dependencies: new Set<string>(), root, top: '/repo' });
    assert.equal(detectRole('/repo/packages/build/src/extensions/prisma.ts', LOOP, project('/repo/packages/build')), 'script');
    assert.equal(detectRole('/repo/packages/api/src/commands/build/index.ts', LOOP, project('/repo/packages/api')), 'production');
    assert.equal(detectRole('/repo/build/index.ts', LOOP, project('/repo')), 'production');
  });

  it('counts a workspace package named tools as scripts, unless a file of it serves', () => {
    const project = (root: string) => ({ dependencies: new Set<string>(), root, top: '/repo' });
    assert.equal(detectRole('/repo/packages/tools/utils/translation.ts', LOOP, project('/repo/packages/tools')), 'script');
    assert.equal(detectRole('/repo/packages/tooling/src/release.ts', LOOP, project('/repo/packages/tooling')), 'script');
    const server = `import express from 'express';\n${LOOP}`;
    assert.equal(detectRole('/repo/packages/tools/src/preview-server.ts', server, project('/repo/packages/tools')), 'production');
    // Deeper in a package, `tools/` holds what an assistant calls while it serves; analysis starting there names no package.
    assert.equal(detectRole('/repo/packages/agent/src/tools/search.ts', LOOP, project('/repo/packages/agent')), 'production');
    assert.equal(detectRole('/repo/tools/src/search.ts', LOOP, { dependencies: new Set<string>(), root: '/repo/tools', top: '/repo/tools' }), 'production');
  });

  it('reads no role from the name of the folder analysis starts from', () => {
    const checkout = { dependencies: new Set<string>(), root: '/home/me/cli', top: '/home/me/cli' };
    assert.equal(detectRole('/home/me/cli/src/orders.ts', LOOP, checkout), 'production');
    assert.equal(detectRole('/home/me/cli/scripts/backfill.ts', LOOP, checkout), 'script');
    assert.equal(detectRole('/home/me/scripts/shop/src/orders.ts', LOOP, { dependencies: new Set(), top: '/home/me/scripts/shop' }), 'production');
    // A package below it still says what its files are by its own name.
    assert.equal(detectRole('/repo/packages/cli/src/run.ts', LOOP, { dependencies: new Set(), root: '/repo/packages/cli', top: '/repo' }), 'script');
    assert.equal(
      detectRole('C:\\work\\tests\\src\\orders.ts', LOOP, { dependencies: new Set(), root: 'C:\\work\\tests', top: 'C:\\work\\tests' }),
      'production',
    );
  });

  it('counts a tool folder at the top of its package as scripts, not the tools an assistant or an MCP server calls', () => {
    const repo = { dependencies: new Set<string>(), root: '/repo', top: '/repo' };
    assert.equal(detectRole('tools/generate-icons.ts', LOOP), 'script');
    assert.equal(detectRole('/repo/tools/load-env.ts', LOOP, repo), 'script');
    assert.equal(detectRole('/repo/packages/ui/tooling/build-icons.ts', LOOP, { ...repo, root: '/repo/packages/ui' }), 'script');
    assert.equal(detectRole('/repo/server/tools/documents.ts', LOOP, repo), 'production');
    assert.equal(detectRole('/repo/libraries/core/src/chat/tools/schedule-post.tool.ts', LOOP, repo), 'production');
    assert.equal(detectRole('/repo/packages/ui/src/editor/tools/image.ts', LOOP, { ...repo, root: '/repo/packages/ui' }), 'production');
  });

  it('counts the packages of a workspace tools folder as scripts, even a program that exports its helpers', () => {
    const migrate = { dependencies: new Set<string>(), root: '/repo/web/tools/migrate', top: '/repo' };
    const backfill = `export function patch(row: Row) { return row; }\nasync function main() { for (const r of rows) await db.update(r); }\nmain().catch(console.error);\n`;
    assert.equal(detectRole('/repo/web/tools/migrate/logging-policy.ts', backfill, migrate), 'script');
    assert.equal(detectRole('/repo/apps/worker/src/main.ts', backfill, { ...migrate, root: '/repo/apps/worker' }), 'production');
  });

  it('counts the packages of a test folder of the workspace as tests, not a test folder above where analysis starts', () => {
    const repo = { dependencies: new Set<string>(), top: '/repo' };
    assert.equal(detectRole('/repo/tests/kit/src/page.ts', LOOP, { ...repo, root: '/repo/tests/kit' }), 'test');
    assert.equal(detectRole('/repo/tests/kit/e2e-enhance/storage.js', LOOP, { ...repo, root: '/repo/tests/kit' }), 'test');
    assert.equal(detectRole('/repo/packages/kit/src/page.ts', LOOP, { ...repo, root: '/repo/packages/kit' }), 'production');
    assert.equal(detectRole('/repo/benchmarks/ratelimit/src/run.ts', LOOP, { ...repo, root: '/repo/benchmarks/ratelimit' }), 'test');
    assert.equal(
      detectRole('/home/me/tests/shop/src/orders.ts', LOOP, { dependencies: new Set(), root: '/home/me/tests/shop', top: '/home/me/tests/shop' }),
      'production',
    );
  });

  it('counts the packages of a CI folder as scripts, not a package whose own folder holds a folder named like one', () => {
    const repo = { dependencies: new Set<string>(), top: '/repo' };
    assert.equal(detectRole('/repo/.github/actions/triage/src/index.ts', LOOP, { ...repo, root: '/repo/.github/actions/triage' }), 'script');
    assert.equal(detectRole('/repo/packages/api/src/github/index.ts', LOOP, { ...repo, root: '/repo/packages/api' }), 'production');
    // Where analysis starts is the checkout's own folder: its name says nothing.
    assert.equal(detectRole('/home/me/.github/shop/src/orders.ts', LOOP, { dependencies: new Set(), top: '/home/me/.github/shop' }), 'production');
  });

  it('reports nothing in a folder of predefined migrations, and the same loop in a service', () => {
    assert.deepEqual(analyze(LOOP, 'src/predefinedMigrations/localize-status.ts'), { findings: [], unchecked: 'migration' });
    assert.deepEqual(
      analyze(LOOP, 'src/services/migrateUserPlan.ts').findings.map(({ ruleId, start }) => [ruleId, start]),
      [['await-in-loop', LOOP.indexOf('await fetchUser')]],
    );
  });

  it('counts bin entries of package.json as scripts', () => {
    assert.equal(detectRole('/repo/lib/main.js', LOOP, { dependencies: new Set(), commandLine: true }), 'script');
  });

  it('reads bin entries from package.json, as a string or an object', () => {
    assert.deepEqual(binEntriesOf(packageManifestOf('{"bin": "./cli.js"}')), ['cli.js']);
    assert.deepEqual(binEntriesOf(packageManifestOf('{"bin": {"tool": "./bin/tool.js", "other": "dist/other.js"}}')), ['bin/tool.js', 'dist/other.js']);
    assert.deepEqual(binEntriesOf(packageManifestOf('{"name": "x"}')), []);
    assert.deepEqual(binEntriesOf(packageManifestOf('not json')), []);
  });

  it('reads the files that scripts and main run, to find command-line entries among them', () => {
    assert.deepEqual(
      scriptEntriesOf(
        packageManifestOf(
          '{"main": "./dist/index.js", "scripts": {"dev": "node --loader ts-node/esm src/index.ts --watch", "build": "tsc", "gen": "tsx ./scripts/gen.mts"}}',
        ),
      ),
      ['src/index.ts', 'scripts/gen.mts', 'dist/index.js'],
    );
    assert.deepEqual(scriptEntriesOf(packageManifestOf('not json')), []);
    assert.deepEqual(
      taskScriptEntriesOf(
        packageManifestOf(
          '{"scripts": {"start": "node dist/index.js", "dev:worker": "tsx src/worker.ts", "migration:run": "ts-node ./node_modules/typeorm/cli.js", "i18n:extract": "ts-node --project server/tsconfig.json ./src/i18n/extract.ts", "docs": "node dist/tools/docs.js"}}',
        ),
      ),
      ['src/i18n/extract.ts', 'dist/tools/docs.js'],
    );
    assert.equal(isTaskEntry(`import { readdir } from 'node:fs/promises';\nvoid readdir('src');\n`), true);
    assert.equal(isTaskEntry(`import express from 'express';\nexpress().listen(3000);\n`), false);
    assert.equal(isCommandLineEntry(`import { Command } from 'commander';\n`), true);
    assert.equal(isCommandLineEntry(`import yargs from 'yargs';\nimport express from 'express';\n`), false);
    assert.equal(isCommandLineEntry(`import express from 'express';\n`), false);
  });

  it("reads a command-line tool's plugin from its package name or keywords", () => {
    const plugin = (json: object): boolean => isCommandPluginPackage(packageManifestOf(JSON.stringify(json)));
    assert.equal(plugin({ name: '@acme/cli-plugin-deploy' }), true);
    assert.equal(plugin({ name: 'shipit-cli-plugin' }), true);
    assert.equal(plugin({ name: '@acme/deploy', keywords: ['acme', 'cli-plugin'] }), true);
    assert.equal(plugin({ name: '@acme/oclif-plugin-login' }), true);
    assert.equal(plugin({ name: '@acme/cli' }), false);
    assert.equal(plugin({ name: 'client-plugins' }), false);
    assert.equal(plugin({ name: '@acme/api-plugins', keywords: ['plugin'] }), false);
  });

  it('finds the folder an oclif tool loads its commands from', () => {
    assert.equal(oclifCommandsOf(packageManifestOf('{"oclif": {"bin": "tool", "commands": "./dist/commands"}}')), 'dist/commands');
    assert.equal(oclifCommandsOf(packageManifestOf('{"oclif": {"commands": {"strategy": "pattern", "target": "./lib/cmds"}}}')), 'lib/cmds');
    assert.equal(oclifCommandsOf(packageManifestOf('{"oclif": {"bin": "tool"}}')), 'dist/commands');
    assert.equal(oclifCommandsOf(packageManifestOf('{"bin": {"tool": "./bin/run.js"}, "dependencies": {"@oclif/core": "^4"}}')), 'dist/commands');
    assert.equal(oclifCommandsOf(packageManifestOf('{"name": "sdk", "dependencies": {"@oclif/core": "^4"}}')), undefined);
    assert.equal(oclifCommandsOf(packageManifestOf('{"bin": {"tool": "./bin/run.js"}, "dependencies": {"commander": "^12"}}')), undefined);
  });

  it('finds a module that builds an HTTP server and listens on it, not one that only names a framework or boots the application', () => {
    assert.equal(startsHttpServer(`const express = require('express');\nconst app = express();\nhttp.createServer(app).listen(port);\n`), true);
    assert.equal(startsHttpServer(`const server = http.createServer(handler);\nserver.listen(0);\n`), true);
    assert.equal(startsHttpServer(`const app = await NestFactory.create<NestExpressApplication>(AppModule);\nawait app.listen(3000);\n`), true);
    assert.equal(startsHttpServer(`import type { Request } from 'express';\nexport const handle = (req: Request) => req.body;\n`), false);
    assert.equal(startsHttpServer(`const context = await NestFactory.createApplicationContext(AppModule);\nbus.listen(onEvent);\n`), false);
    assert.equal(startsHttpServer(`import { Command } from 'commander';\nimport express from 'express';\nexpress().listen(8080);\n`), false);
  });

  it('checks production and script code by default, the other roles when configuration turns them on', () => {
    assert.deepEqual(
      (['production', 'script', 'test', 'seed', 'migration'] as const).map((role) => isRoleChecked(role, undefined)),
      [true, true, false, false, false],
    );
    assert.equal(isRoleChecked('test', { test: true }), true);
    assert.equal(isRoleChecked('production', { production: false }), false);
  });

  it('reports nothing in a file whose role is not checked, and names that role', () => {
    assert.deepEqual(analyze(LOOP, 'src/users.spec.ts'), { findings: [], unchecked: 'test' });
    const checked = analyze(LOOP, 'src/users.spec.ts', { ...DEFAULT_OPTIONS, roles: { test: true } });
    assert.deepEqual(
      checked.findings.map((finding) => finding.ruleId),
      ['await-in-loop'],
    );
  });

  it('takes the role from the signs of signals read from the text, and reads the text again for signals built elsewhere', () => {
    const vitest = `import { describe, it } from 'vitest';\n${LOOP}`;
    const { signals } = readSyntax(vitest, 'src/helpers.ts');
    assert.deepEqual(roleSignsRead(signals), ['test']);
    assert.deepEqual(analyze(vitest, 'src/helpers.ts', DEFAULT_OPTIONS, signals), { findings: [], unchecked: 'test' });
    // The signs are what the role is read from: the text is not read for it a second time.
    assert.deepEqual(analyze(LOOP, 'src/helpers.ts', DEFAULT_OPTIONS, signals), { findings: [], unchecked: 'test' });
    const handBuilt = { ...signals, roleSigns: [] };
    assert.equal(roleSignsRead(handBuilt), undefined);
    assert.deepEqual(analyze(vitest, 'src/helpers.ts', DEFAULT_OPTIONS, handBuilt), { findings: [], unchecked: 'test' });
    // Signals read from a text that shows no sign of a test leave the file in production.
    const production = readSyntax(LOOP, 'src/helpers.ts').signals;
    assert.deepEqual(
      analyze(LOOP, 'src/helpers.ts', DEFAULT_OPTIONS, production).findings.map((finding) => finding.ruleId),
      ['await-in-loop'],
    );
  });

  it('lets configuration force a role', () => {
    assert.equal(analyze(LOOP, 'src/users.spec.ts', { ...DEFAULT_OPTIONS, role: 'production' }).findings.length, 1);
    assert.deepEqual(analyze(LOOP, 'src/users.ts', { ...DEFAULT_OPTIONS, role: 'seed' }), { findings: [], unchecked: 'seed' });
  });
});

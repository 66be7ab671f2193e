// Bundles the command, the language server and the extension into dist/ (one file each; the command's analysis in a second one),
// and copies the rule pages into dist/docs/ for the extension's offline documentation view.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The command loads its analysis (TypeScript and the rules) with `require('./analysis')` only when a file needs it: that stays a require of the second bundle. */
const analysisApart = {
  name: 'analysis-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/analysis$/ }, () => ({ path: './cli-analysis.js', external: true }));
  },
};

/**
 * Node types written as the strings they are: each `AST_NODE_TYPES.X` of the bundled CommonJS package is otherwise a chain of
 * export getters on the hottest paths (docs/performance.md, section 68).
 */
const nodeTypesInline = {
  name: 'node-types-inline',
  setup(build) {
    build.onLoad({ filter: /[\\/](rules|server|cli|workspace|eslint-plugin)[\\/]src[\\/].*\.ts$/ }, ({ path }) => ({
      loader: 'ts',
      contents: readFileSync(path, 'utf8').replace(/\bAST_NODE_TYPES\.(\w+)/g, (written, name) => {
        if (AST_NODE_TYPES[name] === undefined) throw new Error(`${path}: ${written} is no node type`);
        return JSON.stringify(AST_NODE_TYPES[name]);
      }),
    }));
  },
};

const entries = [
  { in: 'cli/src/main.ts', out: 'cli', banner: '#!/usr/bin/env node', plugins: [analysisApart] },
  // These two are minified always: shorter names and text take 30-40 MB off a scan's peak memory and 60-100 ms off the server's start
  // (docs/performance.md, section 55); their source maps name the sources.
  { in: 'cli/src/analysis.ts', out: 'cli-analysis', minify: true },
  { in: 'cli/src/worker-boot.ts', out: 'cli-worker' },
  { in: 'server/src/main.ts', out: 'server-main', minify: true },
  // The server's entry, which runs the bundle above from its code cache.
  { in: 'server/src/boot.ts', out: 'server', banner: '#!/usr/bin/env node' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  // The ESLint plugin's package ships this one file; ESLint itself is the host's.
  { in: 'eslint-plugin/src/index.ts', out: 'index', outdir: 'eslint-plugin/dist', external: ['eslint'] },
];

await Promise.all(
  entries
    .filter((entry) => existsSync(entry.in))
    .map((entry) =>
      build({
        entryPoints: { [entry.out]: entry.in },
        outdir: entry.outdir ?? 'dist',
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: true,
        minify: entry.minify || process.env.PERF_LINT_MINIFY === '1',
        // oxc-parser loads its native binding for the platform at run time: it stays a package of its own.
        external: [...(entry.external ?? []), 'oxc-parser'],
        plugins: [...(entry.plugins ?? []), nodeTypesInline],
        // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow; its ES module build bundles.
        alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
        banner: entry.banner ? { js: entry.banner } : undefined,
        logLevel: 'warning',
      }).then(() => {
        // The `bin` entries: `npx perf-lint` runs the file itself, which a fresh clone's build leaves not executable.
        const output = `${entry.outdir ?? 'dist'}/${entry.out}.js`;
        if (entry.banner) chmodSync(output, 0o755);
        // One character beyond ASCII (in a comment esbuild kept) makes Node decode the whole bundle slower, and beyond Latin-1 V8 holds it at two bytes a character.
        const text = readFileSync(output, 'latin1');
        const unusual = text.search(/[^\t\n\r\x20-\x7e]/);
        if (unusual >= 0)
          throw new Error(
            `${output}: a character other than printable ASCII at line ${text.slice(0, unusual).split('\n').length}: write it in ASCII in the source`,
          );
      }),
    ),
);

// The command's analysis starts from V8's compiled code, made here by the Node that builds it after analyzing the rules' fixtures once,
// so that the functions a scan runs are in it (docs/performance.md, section 68). Another Node rejects it and compiles the bundle.
const requireBuilt = createRequire(import.meta.url);
const { CODE_CACHE_SUFFIX, loadBundle, writeCodeCache } = requireBuilt('../out/workspace/src/code-cache.js');
requireBuilt('../out/cli/src/v8-flags.js').tuneV8ForScan();
const analysisBundle = join(process.cwd(), 'dist/cli-analysis.js');
const analysis = loadBundle(analysisBundle);
const warmUpRules = Object.fromEntries(analysis.exports.ALL_RULES.map((rule) => [rule.meta.id, 'warn']));
const warmUpFolders = ['await-in-loop', 'n-plus-one', 'sync-io-in-async', 'unbounded-promise-all'].map((rule) => `test-fixtures/${rule}`);
for (const folder of warmUpFolders) {
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|tsx|js)$/.test(entry.name)) continue;
    const file = join(process.cwd(), entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    analysis.exports.readSyntax(text, file);
    analysis.exports.collectProjectFacts(text, file);
    const settings = { rules: warmUpRules, maxFileSize: text.length };
    const task = {
      file,
      display: file,
      hash: '',
      dependencies: ['@prisma/client', 'typeorm', 'sequelize', 'mongoose', 'knex'],
      settings,
      fix: true,
      dryRun: true,
    };
    const outcome = analysis.exports.lintText(text, task, { models: undefined });
    if (outcome.error) throw new Error(`warming the analysis up on ${file}: ${outcome.error.message}`);
  }
}
writeCodeCache(analysisBundle + CODE_CACHE_SUFFIX, analysis);

// The web address of the pages is the registry's: read from there so there is one copy of it.
const docsBaseUrl = /DOCS_BASE_URL = '([^']+)'/.exec(readFileSync('rules/src/registry.ts', 'utf8'))?.[1];
if (!docsBaseUrl) throw new Error('DOCS_BASE_URL not found in rules/src/registry.ts');
mkdirSync('dist/docs', { recursive: true });
for (const page of readdirSync('rules/docs').filter((name) => name.endsWith('.md'))) {
  const header = `> Bundled with the Perf Lint extension. [Read this page on the web](${docsBaseUrl}${page}).\n\n`;
  writeFileSync(`dist/docs/${page}`, header + readFileSync(`rules/docs/${page}`, 'utf8'));
}

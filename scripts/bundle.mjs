// Bundles the command, the language server and the extension into dist/ (one file each; the command's analysis in a second one),
// and copies the rule pages into dist/docs/ for the extension's offline documentation view.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** The command loads its analysis (TypeScript and the rules) with `require('./analysis')` only when a file needs it: that stays a require of the second bundle. */
const analysisApart = {
  name: 'analysis-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/analysis$/ }, () => ({ path: './cli-analysis.js', external: true }));
  },
};

const entries = [
  { in: 'cli/src/main.ts', out: 'cli', banner: '#!/usr/bin/env node', plugins: [analysisApart] },
  // These two are minified always: shorter names and text take 30-40 MB off a scan's peak memory and 60-100 ms off the server's start
  // (docs/performance.md, section 55); their source maps name the sources.
  { in: 'cli/src/analysis.ts', out: 'cli-analysis', minify: true },
  { in: 'server/src/main.ts', out: 'server', banner: '#!/usr/bin/env node', minify: true },
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
        external: entry.external ?? [],
        plugins: entry.plugins ?? [],
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

// The web address of the pages is the registry's: read from there so there is one copy of it.
const docsBaseUrl = /DOCS_BASE_URL = '([^']+)'/.exec(readFileSync('rules/src/registry.ts', 'utf8'))?.[1];
if (!docsBaseUrl) throw new Error('DOCS_BASE_URL not found in rules/src/registry.ts');
mkdirSync('dist/docs', { recursive: true });
for (const page of readdirSync('rules/docs').filter((name) => name.endsWith('.md'))) {
  const header = `> Bundled with the Perf Lint extension. [Read this page on the web](${docsBaseUrl}${page}).\n\n`;
  writeFileSync(`dist/docs/${page}`, header + readFileSync(`rules/docs/${page}`, 'utf8'));
}

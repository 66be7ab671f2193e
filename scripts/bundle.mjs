// Bundles the command, the language server and the extension into dist/ (one file each).
import { build } from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const entries = [
  { in: 'cli/src/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'cli/src/worker.ts', out: 'cli-worker' },
  { in: 'server/src/main.ts', out: 'server', banner: '#!/usr/bin/env node' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
];

await Promise.all(
  entries
    .filter((entry) => existsSync(entry.in))
    .map((entry) =>
      build({
        entryPoints: { [entry.out]: entry.in },
        outdir: 'dist',
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: true,
        minify: process.env.PERF_LINT_MINIFY === '1',
        external: entry.external ?? [],
        banner: entry.banner ? { js: entry.banner } : undefined,
        logLevel: 'warning',
      }).then(() => {
        // The `bin` entries: `npx perf-lint` runs the file itself, which a fresh clone's build leaves not executable.
        if (entry.banner) chmodSync(`dist/${entry.out}.js`, 0o755);
      }),
    ),
);

// `node bench/ab.mjs A B CORPUS [ROUNDS]`: compares two builds of the core (tsc output directories inside the project, e.g.
// out/ab-base copied from out/rules before a change, and out/rules) on the same files, in alternating fresh processes.
// A variant may carry node options after `::` (`out/rules::--max-semi-space-size=32`).
// Reports the CPU time of analyze() over the corpus (module loading excluded) and checks the findings are identical.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.mjs';

if (process.argv[2] === '--child') {
  const core = createRequire(import.meta.url)(join(resolve(process.argv[3]), 'src', 'index.js'));
  const files = [];
  const visit = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (core.isSourceFile(path)) files.push(path);
    }
  };
  visit(process.argv[4]);
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const hash = createHash('sha256');
  const started = process.cpuUsage();
  for (const [index, text] of texts.entries()) {
    const { findings, error } = core.analyze(text, files[index]);
    hash.update(JSON.stringify([files[index], findings, error?.message]));
  }
  const usage = process.cpuUsage(started);
  process.stdout.write(
    JSON.stringify({ cpuMs: (usage.user + usage.system) / 1000, findings: hash.digest('hex').slice(0, 12), heapMb: process.memoryUsage().rss / 2 ** 20 }),
  );
} else {
  const [a, b, corpus, rounds = '5'] = process.argv.slice(2);
  const self = fileURLToPath(import.meta.url);
  const samples = { [a]: [], [b]: [] };
  const digests = { [a]: new Set(), [b]: new Set() };
  for (let round = 0; round < Number(rounds); round++) {
    for (const core of round % 2 ? [b, a] : [a, b]) {
      const [directory, flags = ''] = core.split('::');
      const child = spawnSync(process.execPath, [...flags.split(' ').filter(Boolean), self, '--child', directory, corpus], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      const result = JSON.parse(child.stdout);
      samples[core].push(result.cpuMs);
      digests[core].add(result.findings);
    }
  }
  for (const core of [a, b]) {
    console.log(
      `${core}: median ${median(samples[core]).toFixed(0)} ms CPU, min ${Math.min(...samples[core]).toFixed(0)} ms, findings ${[...digests[core]].join(' ')}`,
    );
  }
  console.log(
    `B / A = ${(median(samples[b]) / median(samples[a])).toFixed(3)} (median), ${(Math.min(...samples[b]) / Math.min(...samples[a])).toFixed(3)} (min); same findings: ${[...digests[a]].join() === [...digests[b]].join() ? 'yes' : 'NO'}`,
  );
}

// Runs one command in its own child process and reports its wall time, CPU time and peak memory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const RSS_PROBE = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));

/** GNU time's `-v` report is the most direct source of a child's peak RSS; without it, node tools report their own. */
const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident set size');

/** Hardware instruction counts are far less noisy than time on a shared machine, where the kernel exposes them. */
const hasInstructionCounter = (() => {
  const probe = spawnSync('perf', ['stat', '-x', ',', '-e', 'instructions:u', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+,/m.test(probe.stderr ?? '');
})();

export const measurementMethod = {
  memory: hasGnuTime ? 'GNU time -v (maximum resident set size of the child)' : 'process.resourceUsage().maxRSS reported at exit (node tools only)',
  instructions: hasInstructionCounter ? 'perf stat -e instructions:u' : 'not available (no hardware counters here)',
};

/**
 * Runs `node script args` (cwd given) and resolves to { wallMs, cpuMs, peakRssMb, instructions, status, stdout, stderr }.
 * stdout goes through a file so that megabytes of JSON cannot fill a pipe.
 */
export async function measureNode(script, args, { cwd, env, nodeOptions = [] } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'perf-lint-measure-'));
  const stdoutFile = join(scratch, 'stdout');
  const timeFile = join(scratch, 'time');
  const probeFile = join(scratch, 'probe.json');
  const probe = hasGnuTime ? [] : ['--require', RSS_PROBE];
  let command = process.execPath;
  let commandArgs = [...nodeOptions, ...probe, script, ...args];
  if (hasInstructionCounter) {
    commandArgs = ['stat', '-x', ',', '-e', 'instructions:u', '-o', join(scratch, 'perf'), '--', command, ...commandArgs];
    command = 'perf';
  }
  if (hasGnuTime) {
    commandArgs = ['-v', '-o', timeFile, command, ...commandArgs];
    command = GNU_TIME;
  }
  const stdoutFd = openSync(stdoutFile, 'w');
  const started = performance.now();
  const { status, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...process.env, ...env, PERF_LINT_RSS_PROBE: probeFile },
      stdio: ['ignore', stdoutFd, 'pipe'],
    });
    let errorText = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (errorText += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code, stderr: errorText }));
  });
  const wallMs = performance.now() - started;
  closeSync(stdoutFd);
  const result = { wallMs, cpuMs: undefined, peakRssMb: undefined, instructions: undefined, status, stdout: readFileSync(stdoutFile, 'utf8'), stderr };
  if (hasGnuTime && existsSync(timeFile)) Object.assign(result, parseGnuTime(readFileSync(timeFile, 'utf8')));
  if (!hasGnuTime && existsSync(probeFile)) {
    const usage = JSON.parse(readFileSync(probeFile, 'utf8'));
    result.peakRssMb = usage.maxRssKb / 1024;
    result.cpuMs = usage.cpuMs;
  }
  if (hasInstructionCounter && existsSync(join(scratch, 'perf'))) {
    const match = /^(\d+),/m.exec(readFileSync(join(scratch, 'perf'), 'utf8'));
    if (match) result.instructions = Number(match[1]);
  }
  rmSync(scratch, { recursive: true, force: true });
  return result;
}

function parseGnuTime(report) {
  const field = (label) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(report)?.[1]);
  return {
    cpuMs: (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000,
    peakRssMb: field('Maximum resident set size \\(kbytes\\)') / 1024,
  };
}

export function median(values) {
  const sorted = values.filter((value) => value !== undefined && !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value below which `fraction` of the samples fall (nearest rank). */
export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

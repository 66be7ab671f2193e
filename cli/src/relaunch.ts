import { spawnSync } from 'node:child_process';

/**
 * V8's optimizing compiler on the main thread: the memory its background threads leave with the
 * C library's allocator is most of a large scan's peak (docs/performance.md, §25 and §30). V8 reads
 * the flag only when the process starts, so the command starts itself again with it.
 */
export const LAUNCH_FLAGS: readonly string[] = ['--no-concurrent-recompilation'];

/** What answers at once, without a scan: not worth a second process. */
const QUICK_OPTIONS = new Set(['-h', '--help', '-v', '--version']);

/** How to start the command again, or undefined when this process is the one to run it. */
export function relaunchPlan(
  argv: readonly string[],
  execArgv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): { execArgv: string[]; env: NodeJS.ProcessEnv } | undefined {
  // The allocator that keeps the compiler threads' memory is glibc's.
  if (platform !== 'linux') return undefined;
  if (LAUNCH_FLAGS.every((flag) => execArgv.includes(flag))) return undefined;
  if (argv.some((argument) => QUICK_OPTIONS.has(argument))) return undefined;
  // A debugger attached to this process stays with it: a second one could not take its port.
  if (execArgv.some((flag) => flag.startsWith('--inspect'))) return undefined;
  // Two arenas in all instead of one per thread; a value the user set stays.
  return { execArgv: [...LAUNCH_FLAGS, ...execArgv], env: { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' } };
}

/** Runs the command in a new process as `plan` says, waits for it, and ends this one as it ended. */
export function relaunch(plan: { execArgv: string[]; env: NodeJS.ProcessEnv }, script: string, argv: readonly string[]): void {
  const result = spawnSync(process.execPath, [...plan.execArgv, script, ...argv], { stdio: 'inherit', env: plan.env });
  if (result.error) throw result.error;
  if (result.signal) {
    process.kill(process.pid, result.signal);
    return;
  }
  process.exitCode = result.status ?? 2;
}

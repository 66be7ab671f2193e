import { setFlagsFromString } from 'node:v8';
import { runFromProcess } from './run';

/** 128 + SIGPIPE, the status a shell gives a command stopped by a closed pipe. */
const SIGPIPE_STATUS = 141;

// A scan keeps little alive from one file to the next, yet V8 lets the heap grow to four times that before a full collection.
setFlagsFromString('--heap-growing-percent=30');
// A scan runs much of the analysis only a few thousand times: at V8's default, the optimizing compiler spent about a third of
// the process's CPU (on its own thread) compiling functions that had little left to run. Four times the budget leaves the less hot ones unoptimized.
setFlagsFromString('--interrupt-budget=270336');
// Code waiting for that budget runs as baseline machine code from its first call rather than interpreted bytecode: less time on the main thread.
setFlagsFromString('--always-sparkplug');

// A reader that closed the pipe early (`perf-lint | head`) wants no more output: end as a shell ends a command a closed pipe stopped.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(SIGPIPE_STATUS);
});

runFromProcess().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`perf-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);

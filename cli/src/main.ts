import { setFlagsFromString } from 'node:v8';
import { runFromProcess } from './run';

// A scan keeps little alive from one file to the next, yet V8 lets the heap grow to four times that before a full collection.
setFlagsFromString('--heap-growing-percent=30');

runFromProcess().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`perf-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);

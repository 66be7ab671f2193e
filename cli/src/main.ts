import { runFromProcess } from './run';
import { tuneV8ForScan } from './v8-flags';

/** 128 + SIGPIPE, the status a shell gives a command stopped by a closed pipe. */
const SIGPIPE_STATUS = 141;

tuneV8ForScan();

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

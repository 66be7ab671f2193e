import { setFlagsFromString } from 'node:v8';
import { relaunch, relaunchPlan } from './relaunch';
import { runFromProcess } from './run';

const plan = relaunchPlan(process.argv.slice(2), process.execArgv, process.env, process.platform);
if (plan) {
  relaunch(plan, __filename, process.argv.slice(2));
} else {
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
}

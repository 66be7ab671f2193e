import { setFlagsFromString } from 'node:v8';

/** V8's settings for a scan; the build sets them too before it makes the analysis bundle's code cache, which V8 accepts only under the flags it was made with. */
export function tuneV8ForScan(): void {
  // A scan keeps little alive from one file to the next, yet V8 lets the heap grow to four times that before a full collection.
  setFlagsFromString('--heap-growing-percent=30');
  // A scan runs much of the analysis only a few thousand times: at V8's default, the optimizing compiler spent about a third of
  // the process's CPU (on its own thread) compiling functions that had little left to run. Four times the budget leaves the less hot ones unoptimized.
  // Node.js 22's V8 counts calls instead and has no such flag (setting it prints an error on every run).
  if (Number(process.versions.v8.split('.')[0]) < 12) setFlagsFromString('--interrupt-budget=270336');
  // Code waiting for that budget runs as baseline machine code from its first call rather than interpreted bytecode: less time on the main thread.
  setFlagsFromString('--always-sparkplug');
  // Without it, the build's warm-up drops the bytecode of functions its last fixtures did not run, at whichever collections happen to come: the code cache held a half or all of what a scan runs, build by build.
  setFlagsFromString('--no-flush-bytecode');
}

// Simulated I/O on a virtual clock for the before/after programs of the concurrency fixes.
// Each call takes a given number of virtual milliseconds. Whenever the program has nothing
// left to do, the clock jumps to the earliest pending call and settles it, so calls finish
// in the order of their delays (not of their start) and the elapsed time is exact on any machine.

let now = 0;
let inFlight = 0;
let maxInFlight = 0;
let calls = 0;
const pending = [];

/** Resolves with `value`, or rejects with `error`, after `ms` virtual milliseconds. */
export function simulatedIo(ms, value, error) {
  calls++;
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  return new Promise((resolve, reject) => {
    pending.push({
      at: now + ms,
      settle() {
        inFlight--;
        if (error) reject(error);
        else resolve(value);
      },
    });
  });
}

const IDLE_TICKS_LIMIT = 1000;

/** Runs `main` on the virtual clock; prints a failure on stdout and the figures as JSON on stderr. */
export async function runOnVirtualClock(main) {
  let finished = false;
  const done = main().then(
    () => {
      finished = true;
    },
    (error) => {
      finished = true;
      console.log(`failed: ${error.message}`);
    },
  );
  let idleTicks = 0;
  while (!finished && idleTicks < IDLE_TICKS_LIMIT) {
    await new Promise((resolve) => setImmediate(resolve));
    if (pending.length === 0) {
      idleTicks++;
      continue;
    }
    idleTicks = 0;
    pending.sort((a, b) => a.at - b.at);
    const next = pending.shift();
    now = next.at;
    next.settle();
  }
  await done;
  process.stderr.write(`${JSON.stringify({ elapsed: now, maxInFlight, calls, finished })}\n`);
}

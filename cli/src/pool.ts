import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { lintFile, type FileOutcome, type LintSettings, type LintTask } from './lint-file';

/** The worker threads' entry next to the bundled analysis: it runs the analysis from its code cache. */
const WORKER_FILE = path.join(__dirname, 'cli-worker.js');

/**
 * Lints every task, on `workerCount` worker threads when there are any (and the worker bundle
 * exists), else on this thread. `done` is called as each file finishes; outcomes come back in
 * task order, so the report is the same however the work was split.
 */
export async function lintAll(tasks: readonly LintTask[], settings: LintSettings, workerCount: number, done: (task: LintTask) => void): Promise<FileOutcome[]> {
  const outcomes: Array<FileOutcome | undefined> = new Array(tasks.length);
  if (workerCount > 0 && tasks.length > 0 && fs.existsSync(WORKER_FILE)) {
    await lintOnWorkers(tasks, settings, Math.min(workerCount, tasks.length), outcomes, done);
  }
  // Whatever the workers did not finish (none started, or they failed) runs here.
  for (let index = 0; index < tasks.length; index++) {
    if (outcomes[index]) continue;
    outcomes[index] = lintFile(tasks[index]!, settings);
    done(tasks[index]!);
  }
  return outcomes as FileOutcome[];
}

/** Hands tasks out one at a time to each worker; resolves when every worker has exited. */
function lintOnWorkers(
  tasks: readonly LintTask[],
  settings: LintSettings,
  count: number,
  outcomes: Array<FileOutcome | undefined>,
  done: (task: LintTask) => void,
): Promise<void> {
  return new Promise((resolve) => {
    let next = 0;
    let running = 0;
    const finish = (): void => {
      if (running === 0) resolve();
    };
    const feed = (worker: Worker, inFlight: { index: number }): void => {
      if (next >= tasks.length) {
        inFlight.index = -1;
        void worker.terminate();
        return;
      }
      inFlight.index = next++;
      worker.postMessage({ index: inFlight.index, task: tasks[inFlight.index] });
    };
    for (let started = 0; started < count; started++) {
      let worker: Worker;
      try {
        worker = new Worker(WORKER_FILE, { workerData: settings });
      } catch {
        // Settings a thread cannot receive: the remaining work stays on this thread.
        break;
      }
      running++;
      const inFlight = { index: -1 };
      worker.on('message', (message: { index: number; outcome: FileOutcome }) => {
        outcomes[message.index] = message.outcome;
        done(tasks[message.index]!);
        feed(worker, inFlight);
      });
      worker.on('error', (error) => {
        // A crash costs the file being analyzed (reported), not the run.
        if (inFlight.index >= 0) {
          const task = tasks[inFlight.index]!;
          outcomes[inFlight.index] = {
            hash: task.hash,
            findings: [],
            unusedDirectives: [],
            error: { message: `not analyzed: internal error: ${error.message}`, kind: 'failed' },
            fixed: 0,
          };
          done(task);
          inFlight.index = -1;
        }
      });
      worker.on('exit', () => {
        running--;
        finish();
      });
      feed(worker, inFlight);
    }
    finish();
  });
}

import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, type LintSettings, type LintTask } from './lint-file';

/** A worker thread of the command: analyzes the files it is sent, one message each. */
const settings = workerData as LintSettings;
parentPort?.on('message', (message: { index: number; task: LintTask }) => {
  parentPort!.postMessage({ index: message.index, outcome: lintFile(message.task, settings) });
});

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fastParserFor, useFastParser } from '../../rules/src';
import { lintFile, type LintSettings, type LintTask } from './lint-file';

// The rules' ESTree from oxc-parser's raw transfer where Node.js 22 and the platform's binding have it (the same tree and the same
// findings on every corpus compared, for less CPU: docs/performance.md, sections 84 and 86); typescript-estree's conversion elsewhere,
// and with PERF_LINT_PARSER=typescript-estree.
useFastParser(fastParserFor(process.env.PERF_LINT_PARSER));

/**
 * The command's analysis: TypeScript's parser, the rules and the worker pool, bundled apart from
 * the command (dist/cli-analysis.js) and loaded on first need. In a worker thread (entered through dist/cli-worker.js) this bundle is
 * the worker: it analyzes the files it is sent, one message each.
 */
export { ALL_RULES, collectProjectFacts, docsUrl, readSyntax, screenText } from '../../rules/src';
export { lintText } from './lint-file';
export { lintAll } from './pool';

if (!isMainThread && parentPort) {
  const settings = workerData as LintSettings;
  const port = parentPort;
  port.on('message', (message: { index: number; task: LintTask }) => {
    port.postMessage({ index: message.index, outcome: lintFile(message.task, settings) });
  });
}

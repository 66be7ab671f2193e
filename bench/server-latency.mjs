// The language server's change-to-diagnostics latency: an edit, then a pull-diagnostics request, timed end to end.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { median, percentile } from './measure.mjs';
import { PROJECT_ROOT } from './tools.mjs';

const SERVER = join(PROJECT_ROOT, 'dist', 'server.js');
/** File sizes the targets name, and how many edits to time in each (after a few untimed ones that warm the server up). */
const SIZES = [
  { lines: 1000, edits: 60 },
  { lines: 5000, edits: 30 },
];
const WARM_UP_EDITS = 5;

/** The corpus file whose line count is nearest to `lines`: real code of that size, not generated filler. */
function fileOfAbout(lines, directory, corpus) {
  let best;
  for (const file of corpus.sources) {
    const text = readFileSync(join(directory, file), 'utf8');
    const count = text.split('\n').length;
    const distance = Math.abs(count - lines);
    if (!best || distance < best.distance || (distance === best.distance && file < best.file)) best = { file, text, lines: count, distance };
  }
  return best;
}

/** CPU time (user + system, ms) the process has used so far, from /proc; undefined where there is no /proc. */
function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, counted in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the server has finished its start-up work (reading every workspace file for the
 * project index), so that the timed edits measure typing into a ready editor, not the indexing.
 */
async function waitUntilIdle(pid, { quietMs = 1500, limitMs = 180_000 } = {}) {
  const started = performance.now();
  let last = processCpuMs(pid);
  if (last === undefined) return undefined;
  let quietSince = performance.now();
  while (performance.now() - started < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = processCpuMs(pid);
    if (now - last > 20) quietSince = performance.now();
    else if (performance.now() - quietSince >= quietMs) return performance.now() - started;
    last = now;
  }
  return performance.now() - started;
}

/** The offset of the start of the middle line: where the timed edits type. */
function middleLineOffset(text) {
  const lines = text.split('\n');
  const middle = lines.length >> 1;
  return { line: middle, offset: lines.slice(0, middle).reduce((sum, line) => sum + line.length + 1, 0) };
}

/** `codeCache`: the folder the server keeps its compiled code in, as the extension gives it one. */
export async function measureServerLatency(directory, corpus, codeCache) {
  if (!existsSync(SERVER)) return { skipped: 'dist/server.js does not exist yet' };
  // PERF_LINT_SERVER_NODE_OPTIONS (e.g. `--cpu-prof`) profiles the server under this load.
  const nodeOptions = process.env.PERF_LINT_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
  // Chosen before the start, as an editor has its document before it starts the server: reading the corpus is not the server's time.
  const chosen = SIZES.map((size) => fileOfAbout(size.lines, directory, corpus));
  const spawned = performance.now();
  const child = spawn(process.execPath, [...nodeOptions, SERVER, '--stdio'], {
    cwd: directory,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PERF_LINT_CODE_CACHE: codeCache },
  });
  let serverErrors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (serverErrors += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // Registrations, progress and the like: accept them all, this client keeps no state about them.
  connection.onRequest(() => null);
  connection.onNotification(() => {});
  connection.listen();
  try {
    const initialized = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(directory).href,
      workspaceFolders: [{ uri: pathToFileURL(directory).href, name: 'corpus' }],
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          publishDiagnostics: {},
        },
        workspace: { workspaceFolders: true },
      },
    });
    const readyMs = performance.now() - spawned;
    const readyCpuMs = processCpuMs(child.pid);
    connection.sendNotification('initialized', {});
    const capabilities = initialized.capabilities ?? {};
    if (!capabilities.diagnosticProvider)
      return { skipped: 'the server offers no pull diagnostics (textDocument/diagnostic), so the debounce cannot be left out' };
    const sync = typeof capabilities.textDocumentSync === 'number' ? capabilities.textDocumentSync : capabilities.textDocumentSync?.change;
    const incremental = sync === 2;

    // Opening a document starts the background indexing of the workspace: let it finish first.
    const firstUri = pathToFileURL(join(directory, chosen[0].file)).href;
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri: firstUri, languageId: 'javascript', version: 1, text: chosen[0].text } });
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: firstUri } });
    const firstDiagnosticsMs = performance.now() - spawned;
    // The server's own CPU up to them: what the wall time is, less the waits, on a machine other processes share.
    const firstDiagnosticsCpuMs = processCpuMs(child.pid);
    const indexingMs = await waitUntilIdle(child.pid);
    connection.sendNotification('textDocument/didClose', { textDocument: { uri: firstUri } });

    const files = [];
    for (const [index, size] of SIZES.entries()) {
      const sample = chosen[index];
      const uri = pathToFileURL(join(directory, sample.file)).href;
      const languageId = /\.[cm]?tsx?$/.test(sample.file) ? 'typescript' : 'javascript';
      let text = sample.text;
      let version = 1;
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
      const first = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      const where = middleLineOffset(text);
      const samples = [];
      let cpuBefore;
      for (let edit = 0; edit < WARM_UP_EDITS + size.edits; edit++) {
        // Type a character, then delete it: every edit changes the text, and the file never drifts.
        const typing = edit % 2 === 0;
        text = typing ? text.slice(0, where.offset) + ' ' + text.slice(where.offset) : text.slice(0, where.offset) + text.slice(where.offset + 1);
        const range = { start: { line: where.line, character: 0 }, end: { line: where.line, character: typing ? 0 : 1 } };
        const started = performance.now();
        connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: ++version },
          contentChanges: [incremental ? { range, text: typing ? ' ' : '' } : { text }],
        });
        await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
        if (edit >= WARM_UP_EDITS) samples.push(performance.now() - started);
        if (edit === WARM_UP_EDITS - 1) cpuBefore = processCpuMs(child.pid);
      }
      const cpuAfter = processCpuMs(child.pid);
      connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      files.push({
        file: sample.file,
        lines: sample.lines,
        diagnostics: first.items?.length ?? 0,
        edits: samples.length,
        medianMs: median(samples),
        p95Ms: percentile(samples, 0.95),
        maxMs: Math.max(...samples),
        // The server's own CPU per edit: robust where other processes share the cores and stretch the wall clock.
        cpuPerEditMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / samples.length,
      });
    }
    await connection.sendRequest('shutdown');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    connection.sendNotification('exit');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    return { files, sync: incremental ? 'incremental' : 'full', indexingMs, readyMs, readyCpuMs, firstDiagnosticsMs, firstDiagnosticsCpuMs };
  } catch (error) {
    throw new Error(`language server: ${error.message}\n${serverErrors.slice(-2000)}`, { cause: error });
  } finally {
    connection.dispose();
    child.kill();
  }
}

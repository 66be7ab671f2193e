import * as fs from 'node:fs';
import * as path from 'node:path';

/** Must match DRIVER_REQUEST in scripts/e2e.mjs. */
const REQUEST = '[perf-lint-e2e]';
const SCREENSHOT_WAIT_MS = 15_000;

/** The run folder of scripts/e2e.mjs, which drives the browser; undefined under @vscode/test-electron. */
export function driverRun(): string | undefined {
  return process.env.PERF_LINT_E2E_RUN;
}

/** Under scripts/e2e.mjs, asks for a picture of the workbench as it is now and waits for it. */
export async function screenshot(name: string): Promise<string | undefined> {
  const run = driverRun();
  if (!run) return undefined;
  const file = path.join(run, `${name}.png`);
  fs.rmSync(file, { force: true });
  console.log(`${REQUEST} screenshot ${name}`);
  const deadline = Date.now() + SCREENSHOT_WAIT_MS;
  while (!fs.existsSync(file) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return fs.existsSync(file) ? file : undefined;
}

/** Under scripts/e2e.mjs, asks the browser to click the element `selector` names, in whichever frame (webview) holds it. */
export function click(selector: string): void {
  console.log(`${REQUEST} click ${selector}`);
}

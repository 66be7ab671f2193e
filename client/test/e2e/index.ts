import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { screenshot } from './driver';

/**
 * The tests module that `@vscode/test-electron` (and scripts/e2e.mjs through code-server) loads
 * into the extension host: runs every `*.test.js` next to it and fails the run on a failure.
 */
export async function run(): Promise<void> {
  // Generous: a test only reaches it when something hangs, and a busy machine runs VS Code slowly.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, forbidOnly: true });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  // The workbench as the last test left it: code, report and Problems panel.
  await screenshot('screenshot');
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}

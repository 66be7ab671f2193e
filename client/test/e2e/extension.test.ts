import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'perf-lint.perf-lint';

describe('Perf Lint in VS Code', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await extension.activate();
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['perfLint.scanWorkspace', 'perfLint.openReport', 'perfLint.restartServer', 'perfLint.showOutput']) {
      assert.ok(commands.includes(command), `${command} is registered`);
    }
  });
});

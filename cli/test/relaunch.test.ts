import * as assert from 'node:assert/strict';
import { LAUNCH_FLAGS, relaunchPlan } from '../src/relaunch';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMAND_TIMEOUT, runCli, runCliOnInput } from './helpers';

describe('the command starts itself again with the compiler on its own thread', function () {
  this.timeout(COMMAND_TIMEOUT);

  it('on Linux, with the flag before its own node options and two allocator arenas', () => {
    assert.deepEqual(relaunchPlan(['src'], ['--max-old-space-size=512'], { HOME: '/home/a' }, 'linux'), {
      execArgv: ['--no-concurrent-recompilation', '--max-old-space-size=512'],
      env: { HOME: '/home/a', MALLOC_ARENA_MAX: '2' },
    });
  });

  it("keeps the user's allocator setting", () => {
    assert.equal(relaunchPlan([], [], { MALLOC_ARENA_MAX: '8' }, 'linux')?.env.MALLOC_ARENA_MAX, '8');
  });

  it('not when it already runs with the flag, nor for --help and --version, nor under a debugger, nor off Linux', () => {
    assert.equal(relaunchPlan([], [...LAUNCH_FLAGS], {}, 'linux'), undefined);
    for (const quick of ['-h', '--help', '-v', '--version']) assert.equal(relaunchPlan([quick], [], {}, 'linux'), undefined, quick);
    assert.equal(relaunchPlan([], ['--inspect=9230'], {}, 'linux'), undefined);
    assert.equal(relaunchPlan([], [], {}, 'darwin'), undefined);
    assert.equal(relaunchPlan([], [], {}, 'win32'), undefined);
  });

  it('gives the report, the exit status and the standard input of the process it replaces', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-relaunch-'));
    const code = 'export async function f(xs: string[]) {\n  for (const x of xs) await g(x);\n}\ndeclare function g(x: string): Promise<void>;\n';
    try {
      fs.writeFileSync(path.join(dir, 'loop.ts'), code);
      const scan = runCli(dir, ['--no-cache', '--format', 'compact', '--rule', 'await-in-loop=error', '.']);
      assert.equal(scan.status, 1, scan.stderr);
      assert.match(scan.stdout, /^loop\.ts:2:23: error /m);
      const input = runCliOnInput(dir, ['--stdin', '--stdin-filename', 'piped.ts', '--format', 'compact', '--rule', 'await-in-loop=error'], code);
      assert.equal(input.status, 1, input.stderr);
      assert.match(input.stdout, /^piped\.ts:2:23: error /m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

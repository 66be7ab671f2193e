import * as assert from 'node:assert/strict';
import { CrashCounter } from '../../src/crashes';

describe('restarting a crashed server', () => {
  it('restarts up to the limit within the window, then gives up', () => {
    const crashes = new CrashCounter(2, 1000);
    assert.equal(crashes.record(0), true);
    assert.equal(crashes.record(100), true);
    assert.equal(crashes.record(200), false);
    assert.equal(crashes.gaveUp, true);
    assert.equal(crashes.count, 3);
  });

  it('forgets crashes older than the window', () => {
    const crashes = new CrashCounter(2, 1000);
    crashes.record(0);
    crashes.record(100);
    assert.equal(crashes.record(1050), true, 'the crash at 0 is out of the window');
    assert.equal(crashes.count, 2);
  });

  it('starts afresh after a restart on request', () => {
    const crashes = new CrashCounter(1, 1000);
    crashes.record(0);
    assert.equal(crashes.record(1), false);
    crashes.reset();
    assert.equal(crashes.gaveUp, false);
    assert.equal(crashes.record(2), true);
  });
});

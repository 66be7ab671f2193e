import * as assert from 'node:assert/strict';
import { syncIoInAsync } from '../src/rules/sync-io-in-async';

describe('sync-io-in-async', () => {
  it('is registered under its file name', () => {
    assert.equal(syncIoInAsync.meta.id, 'sync-io-in-async');
  });
});

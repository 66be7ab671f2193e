import * as assert from 'node:assert/strict';
import { awaitInLoop } from '../src/rules/await-in-loop';

describe('await-in-loop', () => {
  it('is registered under its file name', () => {
    assert.equal(awaitInLoop.meta.id, 'await-in-loop');
  });
});

import * as assert from 'node:assert/strict';
import { unboundedPromiseAll } from '../src/rules/unbounded-promise-all';

describe('unbounded-promise-all', () => {
  it('is registered under its file name', () => {
    assert.equal(unboundedPromiseAll.meta.id, 'unbounded-promise-all');
  });
});

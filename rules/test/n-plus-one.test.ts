import * as assert from 'node:assert/strict';
import { nPlusOne } from '../src/rules/n-plus-one';

describe('n-plus-one', () => {
  it('is registered under its file name', () => {
    assert.equal(nPlusOne.meta.id, 'n-plus-one');
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actualFindings, declaresNoFindings, expectedFindings, fixtureFiles, FIXTURES_DIR } from './annotations';

describe('annotated fixtures', () => {
  for (const file of fixtureFiles()) {
    const name = path.relative(FIXTURES_DIR, file);
    it(name, () => {
      const text = fs.readFileSync(file, 'utf8');
      const expected = expectedFindings(text);
      if (declaresNoFindings(text)) assert.equal(expected.length, 0, 'a fixture declared valid carries no annotations');
      else assert.ok(expected.length > 0, 'a fixture without annotations must say "// valid" on its first line');
      assert.deepEqual(actualFindings(text, file), expected);
    });
  }
});

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ALL_RULES, RULE_IDS } from '../src';

describe("the core's parser-free part (rules/src/data)", () => {
  it('lists the rules as the registry does', () => {
    assert.deepEqual(
      RULE_IDS,
      ALL_RULES.map((rule) => rule.meta.id),
    );
  });

  it('loads neither TypeScript, its ESTree parser, nor the rules', () => {
    const data = path.join(__dirname, '../src/data.js');
    const script = `require(${JSON.stringify(data)}); console.log(Object.keys(require.cache).filter((file) => /node_modules[\\\\/](typescript|@typescript-eslint[\\\\/]typescript-estree)[\\\\/]|[\\\\/]rules[\\\\/]src[\\\\/](registry|engine|parse)/.test(file)).join(','))`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(result.stdout, '\n', result.stderr);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { ALL_RULES, configKeys, ConfigError, MAX_CONFIG_PATTERNS, MAX_GLOB_LENGTH, parseConfigFile, RULE_IDS } from '../../rules/src';
import { REPO_ROOT } from './helpers';

const SCHEMA_FILE = path.join(REPO_ROOT, 'schemas', 'perflintrc.schema.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as {
  properties: Record<string, unknown>;
  definitions: { rules: { properties: Record<string, unknown> } };
};
const overrideSchema = (schema.properties.overrides as { items: { properties: Record<string, unknown> } }).items;

/** Every configuration the tests write, and the examples the README shows. */
function testConfigurations(): unknown[] {
  const sources = [
    ...['server/test', 'cli/test'].flatMap((folder) => fs.readdirSync(path.join(REPO_ROOT, folder)).map((name) => path.join(REPO_ROOT, folder, name))),
  ].filter((file) => file.endsWith('.test.ts'));
  const configs: unknown[] = [];
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    // Configurations written as `'.perflintrc.json': JSON.stringify({...})` or as a JSON string literal.
    for (const match of text.matchAll(/\.perflintrc\.json'\s*[:,]\s*(?:JSON\.stringify\((\{[^\n]*\})\)|'(\{[^\n']*\})')/g)) {
      const literal = match[1] ?? match[2]!;
      try {
        configs.push(match[1] ? Function(`return (${literal});`)() : JSON.parse(literal));
      } catch {
        // A deliberately broken configuration, or one that spans lines: not an example of a valid one.
      }
    }
  }
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  for (const match of readme.matchAll(/```json\n(\{[\s\S]*?\})\n```/g)) configs.push(JSON.parse(match[1]!));
  return configs;
}

describe('the .perflintrc.json schema', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('names exactly the keys the parser reads, at the top and in overrides, and every rule', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), configKeys('file').sort());
    assert.deepEqual(Object.keys(overrideSchema.properties).sort(), configKeys('override').sort());
    assert.deepEqual(Object.keys(schema.definitions.rules.properties).sort(), [...RULE_IDS].sort());
  });

  it('accepts every configuration the tests and the README use, which the parser accepts too', () => {
    const configs = testConfigurations();
    assert.ok(configs.length >= 8, `${configs.length} configurations found`);
    for (const config of configs) {
      let parsed = true;
      try {
        parseConfigFile(config, 'test');
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        parsed = false;
      }
      assert.equal(validate(config), parsed, `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it("describes each rule's options as the rule declares them (the ESLint plugin validates them with the rule's own)", () => {
    type RuleSchema = { oneOf: [unknown, { items: [unknown, { properties?: Record<string, unknown> }] }] };
    const rules = schema.definitions.rules.properties as Record<string, RuleSchema>;
    for (const rule of ALL_RULES) {
      const [, options] = rules[rule.meta.id]!.oneOf[1].items;
      assert.deepEqual(options.properties, rule.meta.options, rule.meta.id);
    }
  });

  it('refuses what the parser refuses', () => {
    for (const config of [
      { rules: { 'await-in-loop': 'loud' } },
      { overrides: [{ rules: {} }] },
      { overrides: [{ files: ['a'], exclude: [] }] },
      { rule: {} },
      { rules: { 'no-such-rule': 'off' } },
    ]) {
      assert.equal(validate(config), false, JSON.stringify(config));
      assert.throws(() => parseConfigFile(config, 'test'), ConfigError);
    }
  });

  it('reads rule options ESLint-style and bounds the number of globs', () => {
    assert.deepEqual(parseConfigFile({ rules: { 'await-in-loop': ['error', { sequentialHelpers: ['throttle'] }], 'n-plus-one': ['off'] } }, 'x'), {
      rules: { 'await-in-loop': 'error', 'n-plus-one': 'off' },
      ruleOptions: { 'await-in-loop': { sequentialHelpers: ['throttle'] } },
    });
    assert.throws(
      () => parseConfigFile({ exclude: Array.from({ length: MAX_CONFIG_PATTERNS + 1 }, (_, index) => `f${index}`) }, 'x'),
      new ConfigError(`x: ${MAX_CONFIG_PATTERNS + 1} glob patterns in "exclude" and "overrides"; at most ${MAX_CONFIG_PATTERNS} are read`),
    );
    const longGlob = { exclude: ['src/**', 'a'.repeat(MAX_GLOB_LENGTH + 1)] };
    assert.equal(validate(longGlob), false);
    assert.throws(
      () => parseConfigFile(longGlob, 'x'),
      new ConfigError(`x: "exclude"[1] is ${MAX_GLOB_LENGTH + 1} characters long; a glob may have at most ${MAX_GLOB_LENGTH}`),
    );
  });
});

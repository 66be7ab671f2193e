import * as assert from 'node:assert/strict';
import { analyze, DEFAULT_OPTIONS, fixedBytes, fixText } from '../src';

const LOOP = `declare function fetchUser(id: string): Promise<{ name: string }>;\n\nexport async function names(ids: string[]) {\n  const out: string[] = [];\n  for (const id of ids) {\n    const user = await fetchUser(id);\n    out.push(user.name);\n  }\n  return out;\n}\n`;

describe('fixes keep the file as it was outside what they change', () => {
  it('write CRLF lines into a CRLF file, in every edit a finding offers', () => {
    const crlf = LOOP.replace(/\n/g, '\r\n');
    const [finding] = analyze(crlf, 'a.ts', DEFAULT_OPTIONS).findings;
    assert.ok(finding?.fix?.edits.some((edit) => edit.text.includes('\r\n')));
    assert.ok(
      finding!.fix!.edits.every((edit) => !/(?<!\r)\n/.test(edit.text)),
      'no bare line feed',
    );
    const fixed = fixText(crlf, 'a.ts', DEFAULT_OPTIONS).text;
    assert.equal(fixed, fixText(LOOP, 'a.ts', DEFAULT_OPTIONS).text.replace(/\n/g, '\r\n'));
  });

  it('keep the bytes of lines they leave alone, and refuse to rewrite a line holding bytes that are not UTF-8', () => {
    const header = Buffer.from([0x2f, 0x2f, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    const original = Buffer.concat([header, Buffer.from(LOOP)]);
    const text = original.toString('utf8');
    assert.ok(text.startsWith('// Caf\uFFFD\n'));
    const fixed = fixText(text, 'a.ts', DEFAULT_OPTIONS).text;
    const bytes = fixedBytes(original, text, fixed);
    assert.deepEqual(Buffer.from(bytes!), Buffer.concat([header, Buffer.from(fixed.slice('// Caf\uFFFD\n'.length))]));
    assert.equal(fixedBytes(original, text, fixed.replace('// Caf\uFFFD', '// Caf\uFFFD!')), undefined);
  });

  it('encode an all UTF-8 file whole', () => {
    const text = `// Café ✓\n${LOOP}`;
    const fixed = fixText(text, 'a.ts', DEFAULT_OPTIONS).text;
    assert.deepEqual(Buffer.from(fixedBytes(Buffer.from(text), text, fixed)!), Buffer.from(fixed));
  });
});

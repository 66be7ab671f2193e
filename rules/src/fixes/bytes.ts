import { diffArrays } from 'diff';

/** A text's lines, each with its line break. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A byte string's lines, each with its line feed: the same lines as its decoded text's, since a line feed byte is always a character of its own. */
function byteLinesOf(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === 0x0a) {
      lines.push(bytes.subarray(start, index + 1));
      start = index + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * The bytes to write for a fixed file. A file that is all UTF-8 is the fixed text encoded;
 * in one that is not (a Latin-1 `é` decodes to U+FFFD), the lines the fixes left alone keep
 * their bytes and only changed lines are written anew. Undefined when a fix changed a line
 * that holds such bytes: writing it would lose them.
 */
export function fixedBytes(original: Uint8Array, originalText: string, fixedText: string): Uint8Array | undefined {
  const encoder = new TextEncoder();
  if (sameBytes(encoder.encode(originalText), original)) return encoder.encode(fixedText);
  const byteLines = byteLinesOf(original);
  const before = linesOf(originalText);
  if (byteLines.length !== before.length) return undefined;
  const parts: Uint8Array[] = [];
  let line = 0;
  for (const change of diffArrays(before, linesOf(fixedText))) {
    if (change.added) {
      if (change.value.some((text) => text.includes('\uFFFD'))) return undefined;
      parts.push(...change.value.map((text) => encoder.encode(text)));
    } else {
      if (!change.removed) parts.push(...byteLines.slice(line, line + change.count));
      line += change.count;
    }
  }
  const output = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}

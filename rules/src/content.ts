/** A line longer than this is generated or minified code, not something a person fixes by hand. */
export const MAX_LINE_LENGTH = 10_000;

/** Lines this long on average are a bundle a tool wrote on one line or a few (a script served as-is from `public/`), not code kept in that shape. */
const MAX_AVERAGE_LINE_LENGTH = 1_000;

/** Share of U+FFFD replacement characters above which the bytes were not UTF-8 text. */
const MAX_REPLACEMENT_SHARE = 0.01;

/**
 * Why a text should not be parsed at all (binary, not UTF-8, minified, above the size limit),
 * or undefined when it looks like source code.
 */
export function unanalyzableReason(text: string, maxFileSize?: number): string | undefined {
  if (maxFileSize !== undefined && Buffer.byteLength(text, 'utf8') > maxFileSize) {
    return `larger than the size limit of ${maxFileSize} bytes`;
  }
  if (text.includes('\0')) return 'binary content (NUL bytes)';
  let replacements = 0;
  let lineLength = 0;
  let longestLine = 0;
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replacements++;
    if (code === 10 || code === 13) {
      if (code === 10 || text.charCodeAt(i + 1) !== 10) lines++;
      lineLength = 0;
    } else if (++lineLength > longestLine) {
      longestLine = lineLength;
    }
  }
  // One stray U+FFFD can be a deliberate character; many mean the decoding failed.
  if (replacements > 1 && replacements / text.length > MAX_REPLACEMENT_SHARE) return 'not valid UTF-8 text';
  if (longestLine > MAX_LINE_LENGTH) return `looks minified (a line of ${longestLine} characters, the limit is ${MAX_LINE_LENGTH})`;
  // The last line counts when something follows the last line break.
  if (lineLength > 0 || lines === 0) lines++;
  const averageLine = Math.round(text.length / lines);
  if (averageLine > MAX_AVERAGE_LINE_LENGTH)
    return `looks minified (${lines === 1 ? 'one line' : `${lines} lines`} of ${averageLine} characters on average, the limit is ${MAX_AVERAGE_LINE_LENGTH})`;
  return undefined;
}

/** A copy that shares no memory with the file's text: V8's substrings keep the whole text they were cut from alive, and what is kept per file outlives its text. */
export function detached<T>(value: T): T {
  return structuredClone(value);
}

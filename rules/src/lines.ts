/** Converts offsets to 1-based lines and columns (UTF-16 code units, as editors count them). */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** A byte order mark is invisible in editors, so it takes no column. */
  private readonly bomLength: number;

  constructor(text: string) {
    this.bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.lineStarts.push(i + 1);
      else if (code === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    const start = line === 0 ? Math.min(this.bomLength, offset) : this.lineStarts[line]!;
    return { line: line + 1, column: offset - start + 1 };
  }

  lineStart(line0: number): number {
    return this.lineStarts[line0] ?? 0;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

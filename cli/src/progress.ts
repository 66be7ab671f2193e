/** A one-line progress counter on a terminal, rewritten in place and cleared at the end; silent elsewhere. */
export class Progress {
  private lastWrite = 0;
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly label: string,
    private readonly total: number,
  ) {}

  update(done: number): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    // Redrawing for every file would cost more than it shows.
    if (now - this.lastWrite < 100 && done < this.total) return;
    this.lastWrite = now;
    this.shown = true;
    this.stream.write(`\r\u001b[2Kperf-lint: ${this.label} ${done}/${this.total} files`);
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}

/** Crashes tolerated within the window before the server is left stopped: a crash loop helps no one. */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Counts the server's crashes within a sliding window and says when to stop restarting it. */
export class CrashCounter {
  private times: number[] = [];
  gaveUp = false;

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** Crashes within the window, the latest included. */
  get count(): number {
    return this.times.length;
  }

  /** Records a crash; true while another restart is allowed. */
  record(now = Date.now()): boolean {
    this.times = [...this.times.filter((time) => now - time < this.windowMs), now];
    this.gaveUp = this.times.length > this.maxRestarts;
    return !this.gaveUp;
  }

  /** A restart the user asked for starts the count afresh. */
  reset(): void {
    this.times = [];
    this.gaveUp = false;
  }
}

// valid
// A browser SDK reads the document and the build's settings (`process.env`, written in by the bundler), and tests where it runs.
import { Tracker } from './tracker';

export class WebTracker extends Tracker {
  private pending: Array<{ amount: number }> = [];

  constructor() {
    super({ version: process.env.SDK_VERSION ?? 'dev', enabled: typeof document !== 'undefined' });
  }

  remember(amount: number) {
    this.pending.push({ amount });
  }

  screenView() {
    return this.track('screen_view', { title: document.title, referrer: document.referrer });
  }

  async flush() {
    await Promise.all(this.pending.map((entry) => this.revenue(entry.amount)));
    this.pending = [];
  }
}

// valid
export class Tracker {
  constructor(readonly options: { version: string; enabled: boolean }) {}
  async track(name: string, properties: Record<string, unknown>): Promise<void> {
    await fetch('/track', { method: 'POST', body: JSON.stringify({ name, properties }) });
  }
  async revenue(amount: number): Promise<void> {
    await this.track('revenue', { amount });
  }
}

// valid
/** Runs one task at a time per key. */
export class KeyedLock {
  private readonly held = new Map<string, Promise<void>>();

  public run = async (key: string, task: () => Promise<void>): Promise<void> => {
    const before = this.held.get(key) ?? Promise.resolve();
    let release = (): void => undefined;
    const current = new Promise<void>((resolve) => (release = resolve));
    this.held.set(key, before.then(() => current));
    await before;
    try {
      await task();
    } finally {
      release();
    }
  };
}

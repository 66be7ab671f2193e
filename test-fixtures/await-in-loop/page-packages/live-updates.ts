// A web app's package: the client of a live-updates socket runs the page's callbacks for each message, one after another.
// Left alone in a package that depends on a page renderer and on nothing a server needs (see the test).
type Callback = (data: unknown) => Promise<void>;

export class LiveUpdates {
  private readonly callbacks: { message: Record<string, { handle: Callback }> } = { message: {} };

  async deliver(data: unknown): Promise<void> {
    for (const key in this.callbacks.message) {
      await this.callbacks.message[key]!.handle(data);
//    ^^^^^ await-in-loop
    }
  }
}

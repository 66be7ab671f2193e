// valid
type Handler = (event: { type: string; id: string }) => Promise<void>;

export class EventBus {
  private readonly handlers: Handler[] = [];

  subscribe(handler: Handler) {
    this.handlers.push(handler);
  }

  async publish(event: { type: string; id: string }) {
    for (const handler of this.handlers) {
      await handler(event);
    }
  }
}

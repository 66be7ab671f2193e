// valid
// A page's socket client tells its subscribers of each event the socket gets; the events' types are the page's own.
interface Subscription<T> {
  id: string;
  notify: (event: T) => Promise<void> | void;
}

export class SocketSubscribers {
  private readonly subscriptions: { close: Record<string, Subscription<CloseEvent>>; message: Record<string, Subscription<{ data: unknown }>> } = {
    close: {},
    message: {},
  };

  subscribe(kind: 'close', subscription: Subscription<CloseEvent>): void {
    this.subscriptions[kind][subscription.id] = subscription;
  }

  async closed(event: CloseEvent): Promise<void> {
    for (const id in this.subscriptions.close) {
      await this.subscriptions.close[id]!.notify(event);
    }
  }

  async received(raw: string): Promise<void> {
    const data: unknown = JSON.parse(raw);
    for (const id in this.subscriptions.message) {
      await this.subscriptions.message[id]!.notify({ data });
    }
  }
}

// valid
import { database } from '../database';
import type { INotifier } from './notifier.interface';

/** Two notifiers: the container is configured with one of them. */
export class OutboxNotifier implements INotifier {
  async notify(orderId: string): Promise<void> {
    await database.outbox.create({ data: { orderId } });
  }
}

export class LogNotifier implements INotifier {
  async notify(orderId: string): Promise<void> {
    console.info(`order ${orderId}`);
  }
}

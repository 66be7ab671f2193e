// valid: one pub/sub message per event, sent without waiting for the reply.
import { redis } from './redis';

export interface BusEvent {
  type: string;
  id: string;
}

export class EventBus {
  private readonly listeners: Array<(event: BusEvent) => void> = [];

  publish(event: BusEvent) {
    this.listeners.forEach((listener) => listener(event));
    redis.publish('events', JSON.stringify(event));
  }
}

export const eventBus = new EventBus();

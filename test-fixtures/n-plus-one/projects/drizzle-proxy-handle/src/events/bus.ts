// valid: an in-process event bus.
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export async function publish(name: string, payload: unknown): Promise<void> {
  bus.emit(name, payload);
}

// valid
import type { Clock } from '../domain/ports';

export class SystemClock implements Clock {
  async now(): Promise<Date> {
    return new Date();
  }
}

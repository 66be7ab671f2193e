// valid
import { Injectable } from '@nestjs/common';

/** Keeps what a loader found under its key. */
@Injectable()
export class RequestCache {
  private readonly entries = new Map<string, unknown>();

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = await load();
    this.entries.set(key, value);
    return value;
  }

  async remember<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    return this.get(`${key}:${ttlSeconds}`, load);
  }
}

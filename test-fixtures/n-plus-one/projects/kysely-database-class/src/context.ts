// valid
import { Database, HandleCache } from './db';

export class AppContext {
  constructor(
    public db: Database,
    public handles: HandleCache,
    private readonly serviceDid: string,
  ) {}

  get did(): string {
    return this.serviceDid;
  }
}

// valid
import { Injectable } from '@nestjs/common';

interface IndexClient {
  upsert(document: { id: string; text: string }): Promise<void>;
}

/** A search index: its `txClient()` hands out no database client. */
@Injectable()
export class SearchIndex {
  constructor(private readonly client: IndexClient) {}

  txClient(): IndexClient {
    return this.client;
  }
}

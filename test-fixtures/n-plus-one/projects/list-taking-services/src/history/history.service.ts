// valid
import { Inject, Injectable } from '@nestjs/common';
import { Knex } from 'knex';
import { DatabaseService } from '../database/database.service';

export interface HistoryEntry {
  docId: string;
  version: number;
  change: unknown;
}

/** Appends the changes of a request to the history table, one INSERT for all of them. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly database: DatabaseService,
    @Inject('KNEX') private readonly knex: Knex,
  ) {}

  async append(collection: string, entries: HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((entry) => ({ collection, doc_id: entry.docId, version: entry.version, change: JSON.stringify(entry.change) }));
    const sql = this.knex('history').insert(rows).toQuery();
    await this.database.txClient().$executeRawUnsafe(sql);
  }
}

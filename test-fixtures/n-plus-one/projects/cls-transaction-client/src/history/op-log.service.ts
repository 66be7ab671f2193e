// valid
import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { InsertSqlBuilder } from './insert-sql';

export interface Op {
  path: string;
  value: string;
}

@Injectable()
export class OpLogService {
  constructor(
    private readonly database: DatabaseService,
    private readonly insertSql: InsertSqlBuilder,
  ) {}

  async append(docId: string, version: number, ops: Op[]): Promise<void> {
    const sql = this.insertSql.rows('op_log', ops.map((op) => ({ doc_id: docId, version, path: op.path, value: op.value })));
    await this.database.txClient().$executeRawUnsafe(sql);
  }
}

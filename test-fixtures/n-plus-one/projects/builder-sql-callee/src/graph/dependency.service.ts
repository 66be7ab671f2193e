// valid
import { Injectable } from '@nestjs/common';
import { Knex } from 'knex';
import { InjectModel } from 'nest-knexjs';
import { DatabaseService } from '../database/database.service';

export interface Edge {
  fromId: string;
  toId: string;
}

@Injectable()
export class DependencyService {
  constructor(
    private readonly database: DatabaseService,
    @InjectModel() private readonly knex: Knex,
  ) {}

  async edgesFrom(columnIds: string[]): Promise<Edge[]> {
    const sql = this.knex('dependency').select({ fromId: 'from_id', toId: 'to_id' }).whereIn('from_id', columnIds).toQuery();
    return this.database.txClient().$queryRawUnsafe<Edge[]>(sql);
  }

  async cellsOf(sheetTable: string, columnName: string): Promise<unknown[]> {
    const sql = this.knex(sheetTable).select(columnName).whereNotNull(columnName).toQuery();
    return this.database.txClient().$queryRawUnsafe<unknown[]>(sql);
  }
}

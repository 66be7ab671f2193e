import { Inject, Injectable } from '@nestjs/common';
import { Knex } from 'knex';
import { DatabaseService } from '../database/database.service';

interface Ranked {
  id: string;
  rank?: number;
}

/** Renames and reorders the rows of user tables, whose names the board keeps. */
@Injectable()
export class CardOrderService {
  constructor(
    private readonly database: DatabaseService,
    @Inject('KNEX') private readonly knex: Knex,
  ) {}

  /** One UPDATE per row, written first, then sent one by one. */
  async saveRanks(tableName: string, rows: Ranked[]): Promise<void> {
    const statements = rows
      .map((row) => {
        if (row.rank === undefined) return undefined;
        return this.knex(tableName).update({ rank: row.rank }).where('id', row.id).toQuery();
      })
      .filter(Boolean) as string[];
    for (const sql of statements) {
      await this.database.txClient().$executeRawUnsafe(sql);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  /** One UPDATE per row inside the transaction's callback, on the client it is handed. */
  async moveRows(tableName: string, rowIds: string[], positions: number[]): Promise<void> {
    await this.database.$tx(async (client) => {
      for (let i = 0; i < rowIds.length; i++) {
        const sql = this.knex(tableName).update({ position: positions[i] }).where('id', rowIds[i]).toQuery();
        await client.$executeRawUnsafe(sql);
//            ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }
    });
  }

  /** One row per table: a statement per table is the work itself. */
  async touchTables(tables: { name: string; rowId: string }[]): Promise<void> {
    for (const table of tables) {
      const sql = this.knex(table.name).update({ touched: true }).where('id', table.rowId).toQuery();
      await this.database.txClient().$executeRawUnsafe(sql);
    }
  }

  /** A column added to each table: schema statements, one per table. */
  async addRankColumn(tableNames: string[]): Promise<void> {
    await this.database.$tx(async (client) => {
      for (const tableName of tableNames) {
        const sql = this.knex.schema.alterTable(tableName, (table) => table.double('rank')).toQuery();
        await client.$executeRawUnsafe(sql);
      }
    });
  }

  /** The statements a rename takes, written by a dialect: a fixed list, not one per row. */
  async renameTable(from: string, to: string): Promise<void> {
    await this.database.$tx(async (client) => {
      for (const sql of this.renameStatements(from, to)) {
        await client.$executeRawUnsafe(sql);
      }
    });
  }

  private renameStatements(from: string, to: string): string[] {
    return [this.knex.schema.renameTable(from, to).toQuery(), `ALTER INDEX "${from}_pkey" RENAME TO "${to}_pkey"`];
  }
}

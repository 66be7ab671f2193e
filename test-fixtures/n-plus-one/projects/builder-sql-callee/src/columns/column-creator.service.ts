// valid
import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { DependencyService } from '../graph/dependency.service';

export interface NewColumn {
  id: string;
  sheetId: string;
  name: string;
  sheetTable: string;
}

@Injectable()
export class ColumnCreatorService {
  constructor(
    private readonly database: DatabaseService,
    private readonly dependencies: DependencyService,
  ) {}

  async create(column: NewColumn): Promise<void> {
    const edges = await this.dependencies.edgesFrom([column.id]);
    const sheet = await this.database.txClient().sheet.findUniqueOrThrow({ where: { id: column.sheetId }, select: { version: true } });
    await this.database.txClient().column.findFirst({ where: { sheetId: column.sheetId, name: column.name, version: sheet.version }, take: edges.length });
  }

  async countCells(column: NewColumn): Promise<number> {
    const cells = await this.dependencies.cellsOf(column.sheetTable, column.name);
    return cells.length;
  }
}

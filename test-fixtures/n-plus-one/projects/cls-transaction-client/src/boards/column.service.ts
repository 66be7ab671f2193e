import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { SearchIndex } from '../database/search-index';

interface Column {
  id: string;
  name: string;
  position: number;
}

@Injectable()
export class ColumnService {
  constructor(
    private readonly database: DatabaseService,
    private readonly searchIndex: SearchIndex,
  ) {}

  async reorder(columns: Column[]): Promise<void> {
    await this.database.$tx(async () => {
      for (const column of columns) {
        await this.database.txClient().column.update({ where: { id: column.id }, data: { position: column.position } });
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }
    });
  }

  async renameAll(columns: Column[]): Promise<void> {
    for (const column of columns) {
      await this.rename(column);
//          ^^^^^^^^^^^ n-plus-one
    }
  }

  async relabel(columns: Column[]): Promise<void> {
    for (const column of columns) {
      await this.database.txClient().$executeRawUnsafe('UPDATE "column" SET "label" = $1 WHERE "id" = $2', column.name, column.id);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async widths(columns: Column[]): Promise<number[]> {
    const widths: number[] = [];
    for (const column of columns) {
      const [row] = await this.database.txClient().$queryRawUnsafe<Array<{ width: number }>>('SELECT "width" FROM "column_meta" WHERE "column_id" = $1', column.id);
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      widths.push(row?.width ?? 0);
    }
    return widths;
  }

  async hideAll(ids: string[]): Promise<void> {
    await this.database.txClient().column.updateMany({ where: { id: { in: ids } }, data: { hidden: true } });
  }

  async indexAll(columns: Column[]): Promise<void> {
    for (const column of columns) {
      await this.searchIndex.txClient().upsert({ id: column.id, text: column.name });
    }
  }

  private async rename(column: Column): Promise<void> {
    await this.database.txClient().column.update({ where: { id: column.id }, data: { name: column.name } });
  }
}

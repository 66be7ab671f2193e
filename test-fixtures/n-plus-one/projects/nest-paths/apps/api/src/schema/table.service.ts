import { Injectable } from '@nestjs/common';
import { ColumnService } from '@shop/api/schema/column.service';

@Injectable()
export class TableService {
  constructor(private readonly columnService: ColumnService) {}

  // One ALTER TABLE per column: a different statement each time, not one statement over the ids.
  async dropDefaults(table: string, columns: Array<{ id: string; name: string }>) {
    for (const column of columns) {
      await this.columnService.dropDefault(table, column.name);
    }
  }

  async touchAll(columns: Array<{ id: string; name: string }>) {
    for (const column of columns) {
      await this.columnService.touch(column.id);
//          ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}

import { Injectable } from '@nestjs/common';
import { LabelService } from './label.service';

export interface LabelRow {
  labelId: string;
  boardId: string;
  name: string;
}

@Injectable()
export class LabelImportService {
  constructor(private readonly labels: LabelService) {}

  async importNames(rows: LabelRow[]): Promise<void> {
    for (const row of rows) {
      await this.labels.labelNamed(row.boardId, row.name);
//          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async ensureNames(rows: LabelRow[]): Promise<void> {
    for (const row of rows) {
      await this.labels.ensureLabel(row.boardId, row.name);
//          ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async addAll(rows: LabelRow[]): Promise<void> {
    for (const row of rows) {
      await this.labels.addLabel(row.boardId, row.name);
//          ^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async renameAll(rows: LabelRow[]): Promise<void> {
    for (const row of rows) {
      await this.labels.rename(row.labelId, row.name);
//          ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async archiveAll(rows: LabelRow[]): Promise<void> {
    for (const row of rows) {
      await this.labels.archive(row.labelId);
//          ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async titles(rows: LabelRow[]): Promise<string[]> {
    const titles: string[] = [];
    for (const row of rows) {
      titles.push(await this.labels.title(row.labelId));
//                      ^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return titles;
  }
}

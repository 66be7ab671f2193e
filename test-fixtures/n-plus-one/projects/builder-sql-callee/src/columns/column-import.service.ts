import { Injectable } from '@nestjs/common';
import { ColumnCreatorService, type NewColumn } from './column-creator.service';
import { DependencyService, type Edge } from '../graph/dependency.service';

@Injectable()
export class ColumnImportService {
  constructor(
    private readonly creator: ColumnCreatorService,
    private readonly dependencies: DependencyService,
  ) {}

  async importColumns(columns: NewColumn[]): Promise<void> {
    for (const column of columns) {
      await this.creator.create(column);
//          ^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async edgesOfEach(columnIds: string[]): Promise<Edge[][]> {
    const all: Edge[][] = [];
    for (const columnId of columnIds) {
      all.push(await this.dependencies.edgesFrom([columnId]));
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return all;
  }

  async cellCounts(columns: NewColumn[]): Promise<number[]> {
    const counts: number[] = [];
    for (const column of columns) {
      counts.push(await this.creator.countCells(column));
    }
    return counts;
  }
}

// A list another module writes out and names as a constant: a few hand-written keys, like a literal array.
import { REPORT_COLUMNS, UTM_PARAMS } from './report-constants';
import { defaultColumns } from './report-defaults';

declare function countByColumn(siteId: string, column: string): Promise<Array<{ value: string; count: number }>>;

export async function utmBreakdown(siteId: string): Promise<Record<string, Array<{ value: string; count: number }>>> {
  const breakdown: Record<string, Array<{ value: string; count: number }>> = {};
  for (const parameter of UTM_PARAMS) {
    breakdown[parameter] = await countByColumn(siteId, parameter);
  }
  return breakdown;
}

export async function columnTotals(siteId: string, columns: string[]): Promise<number[]> {
  const totals: number[] = [];
  for (const column of [...REPORT_COLUMNS, ...columns]) {
    const rows = await countByColumn(siteId, column);
    //           ^^^^^ await-in-loop
    totals.push(rows.reduce((sum, row) => sum + row.count, 0));
  }
  return totals;
}

export async function defaultTotals(siteId: string): Promise<number[]> {
  const totals: number[] = [];
  for (const column of defaultColumns) {
    const rows = await countByColumn(siteId, column);
    //           ^^^^^ await-in-loop
    totals.push(rows.length);
  }
  return totals;
}

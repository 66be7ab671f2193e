// valid
import { db } from '../db';

export interface Segment {
  name: string;
}

export interface SeriesInput {
  series: { id: string; name: string; filters: string[] };
  segments: Segment[];
  projectId: string;
}

export async function loadSegmentLabels(segmentIds: string[]): Promise<Map<string, string>> {
  if (segmentIds.length === 0) return new Map();
  const rows = await db.segment.findMany({ where: { id: { in: segmentIds } }, select: { id: true, label: true } });
  return new Map(rows.map((row) => [row.id, row.label]));
}

function segmentIds(segments: Segment[]): string[] {
  return segments.filter((segment) => segment.name.startsWith('segment:')).map((segment) => segment.name.slice('segment:'.length));
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The analytics SQL of one series: the labels of the segments it is broken down by come from the database. */
export async function buildSeriesSql({ series, segments: requested, projectId }: SeriesInput): Promise<string> {
  let segments = requested.filter((segment) => segment.name.length > 0);
  if (segments.length > 4) segments = segments.slice(0, 4);
  const labels = await loadSegmentLabels(segmentIds(segments));
  const filters = series.filters.map(quote).join(' AND ');
  return `SELECT count() FROM events WHERE project_id = ${quote(projectId)} AND name = ${quote(series.name)} ${filters} -- ${[...labels.values()].join(',')}`;
}

/** The same SQL, for the owner of the series: the owner is looked up by the series. */
export async function buildOwnedSeriesSql({ series, segments, projectId }: SeriesInput): Promise<string> {
  const owner = await db.seriesOwner.findFirst({ where: { seriesId: series.id } });
  return `SELECT count() FROM events WHERE project_id = ${quote(projectId)} AND owner = ${quote(owner?.name ?? '')} -- ${segments.length}`;
}

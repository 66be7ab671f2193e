// One caller hands over one report, but another reaches this function through a package name the project
// does not map: what it hands over is not known, and the fan-out is reported.
import { db } from '../db';

declare function renderPdf(reportId: string): Promise<Uint8Array>;

export async function renderReports(reportIds: string[]) {
  await db.report.updateMany({ where: { id: { in: reportIds } }, data: { rendering: true } });
  return Promise.all(reportIds.map((reportId) => renderPdf(reportId)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

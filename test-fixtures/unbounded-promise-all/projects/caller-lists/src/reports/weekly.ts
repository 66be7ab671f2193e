// valid
import { renderReports } from '@acme/reports';
import { db } from '../db';

export async function renderWeekly() {
  const reports = await db.report.findMany({ where: { period: 'weekly' } });
  return renderReports(reports.map((report) => report.id));
}

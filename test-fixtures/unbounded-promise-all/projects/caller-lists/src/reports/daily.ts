// valid
import { renderReports } from './render-reports';

export async function renderDaily(reportId: string) {
  return renderReports([reportId]);
}

// A logger's line tells what the loop does; the loop is judged by its other awaits, and its finding sits on the call that
// does the work. A loop whose work waits on the previous day's page is not reported for its log lines either. A loop
// that only logs, and a log of its own (`audit.log`), still count as they did.
interface Logger {
  info(message: string): Promise<void>;
  debug(message: string): Promise<void>;
}

interface AuditTrail {
  log(entry: { action: string; id: string }): Promise<void>;
}

interface ReportPage {
  rows: Array<Record<string, unknown>>;
  next?: string;
}

declare const log: Logger;
declare const audit: AuditTrail;
declare function fetchDailyReport(day: string): Promise<Array<Record<string, unknown>>>;
declare function fetchReportPage(day: string, pageToken: string | undefined): Promise<ReportPage>;
declare function saveRows(rows: Array<Record<string, unknown>>): void;
declare function archiveInvoice(id: string): Promise<void>;

export async function syncDays(days: string[]): Promise<number> {
  let total = 0;
  for (const day of days) {
    await log.info(`Fetching the report for ${day}`);
    const rows = await fetchDailyReport(day);
//               ^^^^^ await-in-loop
    await log.debug(`Fetched ${rows.length} rows for ${day}`);
    total += rows.length;
  }
  return total;
}

export async function syncPages(days: string[]): Promise<void> {
  let pageToken: string | undefined;
  for (const day of days) {
    await log.info(`Fetching the report for ${day}`);
    const page = await fetchReportPage(day, pageToken);
    pageToken = page.next;
    saveRows(page.rows);
  }
}

export async function announce(days: string[]): Promise<void> {
  for (const day of days) {
    await log.info(`Day ${day} is ready`);
//  ^^^^^ await-in-loop
  }
}

export async function archiveAll(ids: string[]): Promise<void> {
  for (const id of ids) {
    await audit.log({ action: 'archive', id });
//  ^^^^^ await-in-loop
    await archiveInvoice(id);
  }
}

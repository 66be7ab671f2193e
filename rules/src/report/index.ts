/** Reports of findings: the data both front ends fill, and the two HTML pages made of it. */
export { reportFindings, type ReportData, type ReportFinding } from './data';
export { renderHtmlReport, REPORT_CSP } from './export';
export { renderReportPage, type PageContext, type PageMessage } from './view';
export { countByRule, escapeHtml, hotFolders, messageHtml, shortenFolder, type FolderCount } from './text';

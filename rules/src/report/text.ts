import type { ReportFinding } from './data';

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 || noun === 'info' ? '' : 's'}`;
}

export interface FolderCount {
  folder: string;
  count: number;
}

/** Counts findings per rule, most frequent first (ties by rule id, so the order is stable). */
export function countByRule(findings: readonly ReportFinding[]): Array<{ rule: string; count: number }> {
  return countBy(findings, (finding) => finding.rule).map(([rule, count]) => ({ rule, count }));
}

/** The folders with the most findings: the hot spots both pages chart. */
export function hotFolders(findings: readonly ReportFinding[], limit = 10): FolderCount[] {
  return countBy(findings, (finding) => folderOf(displayFile(finding)))
    .slice(0, limit)
    .map(([folder, count]) => ({ folder, count }));
}

/** A finding's file as people read it: prefixed with its workspace folder's name when the report spans several. */
export function displayFile(finding: ReportFinding): string {
  return finding.folder === undefined ? finding.file : `${finding.folder}/${finding.file}`;
}

function countBy(findings: readonly ReportFinding[], key: (finding: ReportFinding) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}

/**
 * Keeps the end of a long folder path, which is the part that tells folders apart, cut at a
 * slash so that no name is shown in part (the last name alone is cut only when it is too long).
 */
export function shortenFolder(folder: string, max = 32): string {
  if (folder.length <= max) return folder;
  const tail = folder.slice(folder.length - max + 2);
  const slash = tail.indexOf('/');
  return slash >= 0 && slash < tail.length - 1 ? `…/${tail.slice(slash + 1)}` : `…${folder.slice(folder.length - max + 1)}`;
}

/** Messages mark code with backticks, as in Markdown: shown as code, everything escaped first. */
export function messageHtml(message: string): string {
  return escapeHtml(message).replace(/`([^`]+)`/g, '<code>$1</code>');
}

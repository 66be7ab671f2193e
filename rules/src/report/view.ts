import type { ReportData, ReportFinding } from './data';
import { countByRule, displayFile, escapeHtml, hotFolders, messageHtml, plural, shortenFolder, type FolderCount } from './text';

/** What the webview page needs from its host to load under a strict Content Security Policy. */
export interface PageContext {
  /** `webview.cspSource`: the origin the webview may load styles from. */
  cspSource: string;
  /** A fresh random value per render; only the page's own script and style carry it. */
  nonce: string;
}

/** Messages the page posts to the extension. */
export type PageMessage = { type: 'ready'; findings: number } | { type: 'open'; index: number } | { type: 'export' } | { type: 'refresh' } | { type: 'scan' };

const CHART_WIDTH = 560;
const CHART_LABEL_WIDTH = 220;
const CHART_BAR_HEIGHT = 18;
const CHART_GAP = 6;

/** The report view's whole page; every piece of workspace text in it is escaped. */
export function renderReportPage(data: ReportData, context: PageContext): string {
  const nonce = escapeHtml(context.nonce);
  const csp = ["default-src 'none'", `style-src ${context.cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
  const fileCount = new Set(data.findings.map(displayFile)).size;
  const folders = data.folders && data.folders.length > 1 ? data.folders : undefined;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Perf Lint report</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
  <h1>Perf Lint report <span class="root">${escapeHtml(folders ? folders.join(', ') : data.root)}</span></h1>
  <p class="summary">${plural(data.findings.length, 'finding')} in ${plural(fileCount, 'file')} of ${plural(data.files, 'file')} analyzed${
    data.skipped.length > 0 ? `, ${plural(data.skipped.length, 'file')} skipped` : ''
  }${data.openFilesOnly ? ' (open files only: scan the workspace to see every file)' : ''}</p>
  <div class="toolbar">
    <label>Rule <select id="rule-filter">${renderRuleOptions(data.findings)}</select></label>
    <button id="scan" type="button"${data.openFilesOnly ? '' : ' class="secondary"'}>Scan Workspace</button>
    <button id="refresh" type="button" class="secondary">Refresh</button>
    <button id="export" type="button" class="secondary">Export HTML</button>
  </div>
</header>
${data.findings.length === 0 ? `<p class="empty">No findings${data.openFilesOnly ? ' in the open files. <b>Scan Workspace</b> analyzes every file of the workspace' : ''}.</p>` : ''}
<section class="overview">
  ${renderRuleCounts(data.findings)}
  ${renderFolderChart(hotFolders(data.findings))}
</section>
${folders ? renderByFolder(data.findings, folders) : renderFindings(data.findings.map((finding, index) => ({ finding, index })))}
${renderSkipped(data.skipped)}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

function renderRuleOptions(findings: readonly ReportFinding[]): string {
  const options = countByRule(findings).map(({ rule, count }) => `<option value="${escapeHtml(rule)}">${escapeHtml(rule)} (${count})</option>`);
  return [`<option value="">All rules (${findings.length})</option>`, ...options].join('');
}

function renderRuleCounts(findings: readonly ReportFinding[]): string {
  if (findings.length === 0) return '';
  const rows = countByRule(findings)
    .map(({ rule, count }) => `<tr data-rule="${escapeHtml(rule)}"><td><code>${escapeHtml(rule)}</code></td><td class="count">${count}</td></tr>`)
    .join('');
  return `<table class="counts"><caption>Findings per rule</caption><thead><tr><th>Rule</th><th>Findings</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** A horizontal bar chart as inline SVG: no script, no remote resource. */
export function renderFolderChart(folders: readonly FolderCount[]): string {
  if (folders.length === 0) return '';
  const max = Math.max(...folders.map((folder) => folder.count));
  const barSpace = CHART_WIDTH - CHART_LABEL_WIDTH - 40;
  const height = folders.length * (CHART_BAR_HEIGHT + CHART_GAP);
  const bars = folders
    .map(({ folder, count }, index) => {
      const y = index * (CHART_BAR_HEIGHT + CHART_GAP);
      const width = Math.max(2, Math.round((count / max) * barSpace));
      const textY = y + CHART_BAR_HEIGHT - 5;
      return [
        `<g><title>${escapeHtml(folder)}: ${plural(count, 'finding')}</title>`,
        `<text class="label" x="${CHART_LABEL_WIDTH - 8}" y="${textY}" text-anchor="end">${escapeHtml(shortenFolder(folder))}</text>`,
        `<rect class="bar" x="${CHART_LABEL_WIDTH}" y="${y}" width="${width}" height="${CHART_BAR_HEIGHT}" rx="2"></rect>`,
        `<text class="value" x="${CHART_LABEL_WIDTH + width + 6}" y="${textY}">${count}</text></g>`,
      ].join('');
    })
    .join('');
  return `<figure class="chart"><figcaption>Folders with the most findings</figcaption><svg role="img" aria-label="Folders with the most findings" viewBox="0 0 ${CHART_WIDTH} ${height}">${bars}</svg></figure>`;
}

interface IndexedFinding {
  finding: ReportFinding;
  /** Its place in `ReportData.findings`, which the page's links name. */
  index: number;
}

/** A multi-root report: one section per workspace folder, each grouped by rule. */
function renderByFolder(findings: readonly ReportFinding[], folders: readonly string[]): string {
  return folders
    .map((folder) => {
      const own = findings.flatMap((finding, index) => (finding.folder === folder ? [{ finding, index }] : []));
      if (own.length === 0) return '';
      return `<section class="folder"><h2 class="folder">${escapeHtml(folder)} <small>${plural(own.length, 'finding')}</small></h2>${renderFindings(own, 'h3')}</section>`;
    })
    .join('\n');
}

function renderFindings(findings: readonly IndexedFinding[], heading = 'h2'): string {
  const byRule = new Map<string, IndexedFinding[]>();
  for (const entry of findings) {
    const group = byRule.get(entry.finding.rule) ?? [];
    group.push(entry);
    byRule.set(entry.finding.rule, group);
  }
  return countByRule(findings.map((entry) => entry.finding))
    .map(({ rule }) => {
      const rows = (byRule.get(rule) ?? [])
        .sort((a, b) => compareFiles(a.finding.file, b.finding.file) || a.finding.line - b.finding.line || a.finding.column - b.finding.column)
        .map(({ finding, index }) => renderFinding(finding, index))
        .join('');
      return `<section class="rule" data-rule="${escapeHtml(rule)}"><${heading}><code>${escapeHtml(rule)}</code></${heading}><ul>${rows}</ul></section>`;
    })
    .join('\n');
}

/** Orders file names as people expect, `f2.ts` before `f10.ts`; one collator, as reports can be long. */
const compareFiles = new Intl.Collator('en', { numeric: true }).compare;

function renderFinding(finding: ReportFinding, index: number): string {
  const location = `${finding.file}:${finding.line}:${finding.column}`;
  return [
    `<li class="finding ${escapeHtml(finding.severity)}">`,
    `<a href="#" data-index="${index}" title="Open ${escapeHtml(location)}">${escapeHtml(location)}</a>`,
    finding.fixable ? ' <span class="badge">fixable</span>' : '',
    `<p class="message">${messageHtml(finding.message)}</p>`,
    finding.lineText ? `<pre><code>${escapeHtml(finding.lineText)}</code></pre>` : '',
    '</li>',
  ].join('');
}

function renderSkipped(skipped: ReportData['skipped']): string {
  if (skipped.length === 0) return '';
  const rows = skipped.map(({ file, reason }) => `<li><code>${escapeHtml(file)}</code>: ${escapeHtml(reason)}</li>`).join('');
  return `<section class="skipped"><h2>Not analyzed</h2><ul>${rows}</ul></section>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; }
h1 { font-size: 1.4em; font-weight: 600; }
h1 .root { font-weight: normal; opacity: 0.7; margin-left: 0.5em; }
h2 { font-size: 1.1em; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 4px; }
.toolbar { display: flex; gap: 8px; align-items: center; margin: 8px 0 16px; }
select { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground); border: 1px solid var(--vscode-dropdown-border); padding: 2px 4px; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 12px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
h2.folder { font-size: 1.25em; margin-top: 28px; }
h3 { font-size: 1.05em; }
small { font-weight: normal; opacity: 0.7; }
.overview { display: flex; flex-wrap: wrap; gap: 32px; align-items: flex-start; }
table.counts { border-collapse: collapse; }
table.counts caption, figcaption { text-align: left; font-weight: 600; margin-bottom: 6px; }
table.counts th, table.counts td { text-align: left; padding: 3px 16px 3px 0; border-bottom: 1px solid var(--vscode-panel-border); }
table.counts td.count { text-align: right; }
figure { margin: 0; flex: 1 1 320px; max-width: 560px; }
figure svg { width: 100%; height: auto; }
svg .bar { fill: var(--vscode-charts-orange, #d18616); }
svg text { fill: var(--vscode-foreground); font-size: 12px; }
ul { list-style: none; padding: 0; }
li.finding { padding: 6px 0; border-bottom: 1px solid var(--vscode-panel-border); }
li.finding a { color: var(--vscode-textLink-foreground); text-decoration: none; font-family: var(--vscode-editor-font-family); }
li.finding a:hover { text-decoration: underline; }
li.finding.error a::before { content: "● "; color: var(--vscode-editorError-foreground); }
li.finding.warning a::before { content: "● "; color: var(--vscode-editorWarning-foreground); }
li.finding.info a::before { content: "● "; color: var(--vscode-editorInfo-foreground); }
.message { margin: 4px 0; }
.badge { font-size: 0.85em; padding: 0 6px; border-radius: 8px; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
pre { margin: 4px 0; padding: 4px 8px; background: var(--vscode-textCodeBlock-background); overflow-x: auto; }
[hidden] { display: none !important; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
const filter = document.getElementById('rule-filter');
function applyFilter(rule) {
  for (const element of document.querySelectorAll('[data-rule]')) {
    element.hidden = rule !== '' && element.getAttribute('data-rule') !== rule;
  }
}
const saved = vscode.getState();
if (saved && typeof saved.rule === 'string' && [...filter.options].some((option) => option.value === saved.rule)) {
  filter.value = saved.rule;
  applyFilter(saved.rule);
}
filter.addEventListener('change', () => {
  applyFilter(filter.value);
  vscode.setState({ rule: filter.value });
});
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-index]') : null;
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', index: Number(link.getAttribute('data-index')) });
});
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
document.getElementById('scan').addEventListener('click', () => vscode.postMessage({ type: 'scan' }));
document.getElementById('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
vscode.postMessage({ type: 'ready', findings: document.querySelectorAll('a[data-index]').length });
`;

import type { Severity } from '../types';
import { uncheckedSummary, type ReportData, type ReportFinding } from './data';
import { countByRule, displayFile, escapeHtml, hotFolders, plural, shortenFolder } from './text';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function ruleTable(data: ReportData): string {
  const rows = countByRule(data.findings).map(({ rule, count }) => {
    const cells = SEVERITIES.map((severity) => data.findings.filter((finding) => finding.rule === rule && finding.severity === severity).length);
    return `<tr><td><code>${escapeHtml(rule)}</code></td><td class="n">${count}</td>${cells.map((cell) => `<td class="n">${cell}</td>`).join('')}</tr>`;
  });
  return `<table class="counts"><thead><tr><th>Rule</th><th>Findings</th>${SEVERITIES.map((severity) => `<th>${severity}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Horizontal bars of the folders with the most findings. */
function folderChart(data: ReportData): string {
  const folders = hotFolders(data.findings);
  const labelWidth = 320;
  const barWidth = 360;
  const rowHeight = 24;
  const largest = folders[0]?.count ?? 1;
  const bars = folders.map(({ folder, count }, index) => {
    const y = index * rowHeight;
    const width = Math.max(2, Math.round((count / largest) * barWidth));
    const label = shortenFolder(folder, 48);
    return (
      `<g transform="translate(0 ${y})"><title>${escapeHtml(folder)}: ${plural(count, 'finding')}</title>` +
      `<text x="${labelWidth - 8}" y="16" text-anchor="end">${escapeHtml(label)}</text>` +
      `<rect x="${labelWidth}" y="4" width="${width}" height="16" rx="2"></rect>` +
      `<text x="${labelWidth + width + 6}" y="16">${count}</text></g>`
    );
  });
  const height = Math.max(1, folders.length) * rowHeight;
  return `<svg class="chart" role="img" aria-label="Folders with the most findings" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}">${bars.join('')}</svg>`;
}

function findingList(data: ReportData): string {
  const byFile = new Map<string, ReportFinding[]>();
  for (const finding of data.findings) byFile.set(displayFile(finding), [...(byFile.get(displayFile(finding)) ?? []), finding]);
  return [...byFile]
    .map(([file, findings]) => {
      const items = findings.map(
        (finding) =>
          `<li class="${finding.severity}"><div class="head"><span class="where">${finding.line}:${finding.column}</span>` +
          `<span class="severity">${finding.severity}</span><code class="rule">${escapeHtml(finding.rule)}</code>` +
          `${finding.fixable ? '<span class="fixable">fixable</span>' : ''}</div>` +
          `<p>${escapeHtml(finding.message)}</p><pre><code>${escapeHtml(finding.lineText)}</code></pre></li>`,
      );
      return `<section><h3>${escapeHtml(file)} <small>${plural(findings.length, 'finding')}</small></h3><ol>${items.join('')}</ol></section>`;
    })
    .join('');
}

function skippedList(data: ReportData): string {
  if (data.skipped.length === 0) return '';
  const items = data.skipped.map((entry) => `<li><code>${escapeHtml(entry.file)}</code>: ${escapeHtml(entry.reason)}</li>`);
  return `<h2>Not analyzed</h2><ul class="skipped">${items.join('')}</ul>`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #fff; --panel: #f6f8fa; --line: #d1d9e0; --bar: #0969da; --error: #cf222e; --warning: #9a6700; --info: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d; --bar: #4493f8; --error: #f85149; --warning: #d29922; --info: #4493f8; } }
body { font: 14px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); } h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
small, .summary { color: var(--muted); font-weight: normal; }
table.counts { border-collapse: collapse; } table.counts th, table.counts td { border: 1px solid var(--line); padding: .25rem .75rem; text-align: left; } td.n { text-align: right; }
svg.chart text { fill: var(--fg); font-size: 12px; } svg.chart rect { fill: var(--bar); }
ol { list-style: none; padding: 0; } li { border-left: 3px solid var(--line); padding: .25rem .75rem; margin-bottom: .75rem; background: var(--panel); }
li.error { border-color: var(--error); } li.warning { border-color: var(--warning); } li.info { border-color: var(--info); }
.head { display: flex; gap: .75rem; align-items: baseline; } .where { font-family: ui-monospace, monospace; color: var(--muted); }
li.error .severity { color: var(--error); } li.warning .severity { color: var(--warning); } li.info .severity { color: var(--info); }
.fixable { font-size: 12px; border: 1px solid var(--line); border-radius: 1rem; padding: 0 .5rem; }
p { margin: .25rem 0; } pre { margin: 0; overflow-x: auto; } code { font-family: ui-monospace, monospace; }
`;

/** The page runs no script and loads nothing: were some code ever left unescaped, a browser would still not run it. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** One self-contained HTML page (inline CSS and SVG, no outside resources) of a report's findings. */
export function renderHtmlReport(data: ReportData): string {
  const title = `Perf Lint report: ${data.folders && data.folders.length > 1 ? data.folders.join(', ') : data.root}`;
  const severityCounts = SEVERITIES.map((severity) => plural(data.findings.filter((finding) => finding.severity === severity).length, severity)).join(', ');
  const body =
    data.findings.length === 0
      ? `<p>No problems found.</p>`
      : `<h2>By rule</h2>${ruleTable(data)}<h2>Folders with the most findings</h2>${folderChart(data)}<h2>Findings</h2>${findingList(data)}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${plural(data.findings.length, 'finding')} (${severityCounts}) in ${plural(data.files, 'file')} analyzed${data.skipped.length > 0 ? `, ${data.skipped.length} not analyzed` : ''}${uncheckedSummary(data.unchecked) ? `; not checked by role: ${escapeHtml(uncheckedSummary(data.unchecked))} files` : ''}.</p>
${body}
${skippedList(data)}
</body>
</html>
`;
}

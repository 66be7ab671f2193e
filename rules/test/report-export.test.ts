import * as assert from 'node:assert/strict';
import type { ReportData, ReportFinding } from '../src/report';
import { escapeHtml, renderHtmlReport } from '../src/report';

function finding(file: string, rule: ReportFinding['rule'], severity: ReportFinding['severity'], lineText = 'await fetch(id);'): ReportFinding {
  return {
    file,
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 10,
    rule,
    severity,
    message: 'Slow <because> "reasons" & more',
    fixable: rule === 'await-in-loop',
    lineText,
  };
}

describe('HTML report', () => {
  const data: ReportData = {
    root: 'app & <co>',
    files: 12,
    findings: [
      finding('src/api/users.ts', 'await-in-loop', 'warning', 'for (const u of us) await el.innerHTML = "<script>alert(1)</script>";'),
      finding('src/api/users.ts', 'n-plus-one', 'error'),
      finding('src/api/orders.ts', 'n-plus-one', 'error'),
      finding('src/web/<b>.ts', 'sync-io-in-async', 'info'),
      finding('main.ts', 'n-plus-one', 'warning'),
    ],
    skipped: [{ file: 'big<1>.js', reason: 'larger than maxFileSize' }],
  };
  const html = renderHtmlReport(data);

  it('escapes every piece of user text', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    assert.ok(html.includes('await el.innerHTML = &#34;&#60;script&#62;alert(1)&#60;/script&#62;&#34;;'));
    assert.ok(html.includes('Slow &#60;because&#62; &#34;reasons&#34; &#38; more'));
    assert.ok(html.includes('src/web/&#60;b&#62;.ts'));
    assert.ok(html.includes('<code>big&#60;1&#62;.js</code>: larger than maxFileSize'));
    assert.ok(html.includes('<title>Perf Lint report: app &#38; &#60;co&#62;</title>'));
    assert.doesNotMatch(html, /<script|<b>|<co>/);
  });

  it('is self-contained: inline style and SVG, nothing loaded from elsewhere', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.match(html, /<style>[^<]+<\/style>/);
    assert.doesNotMatch(html, /<link|<img|<iframe|\ssrc=|@import|url\(/i);
  });

  it('counts findings per rule and severity, largest first', () => {
    const rows = [...html.matchAll(/<tr><td><code>([^<]+)<\/code><\/td>((?:<td class="n">\d+<\/td>)+)<\/tr>/g)].map(
      (match) => `${match[1]} ${[...match[2]!.matchAll(/\d+/g)].join(' ')}`,
    );
    assert.deepEqual(rows, ['n-plus-one 3 2 1 0', 'await-in-loop 1 0 1 0', 'sync-io-in-async 1 0 0 1']);
    assert.ok(html.includes('5 findings (2 errors, 2 warnings, 1 info) in 12 files analyzed, 1 not analyzed.'));
  });

  it('charts the folders with the most findings, most first', () => {
    const chart = /<svg class="chart"[^]*?<\/svg>/.exec(html)?.[0] ?? '';
    const bars = [...chart.matchAll(/<title>([^<]+)<\/title>/g)].map((match) => match[1]);
    assert.deepEqual(bars, ['src/api: 3 findings', '.: 1 finding', 'src/web: 1 finding']);
    const widths = [...chart.matchAll(/<rect [^>]*width="(\d+)"/g)].map((match) => Number(match[1]));
    assert.deepEqual(widths, [360, 120, 120]);
  });

  it('lists every finding under its file with its line of code', () => {
    assert.equal((html.match(/<li class="(error|warning|info)">/g) ?? []).length, 5);
    assert.ok(html.includes('<h3>src/api/users.ts <small>2 findings</small></h3>'));
    assert.ok(html.includes('<pre><code>await fetch(id);</code></pre>'));
  });

  it('says so when there is nothing to report', () => {
    const empty = renderHtmlReport({ root: '.', files: 3, findings: [], skipped: [] });
    assert.ok(empty.includes('<p>No problems found.</p>'));
    assert.doesNotMatch(empty, /<svg/);
  });
});

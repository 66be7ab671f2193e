import * as assert from 'node:assert/strict';
import { analyze } from '../src/engine';
import { reportFindings, renderReportPage } from '../src/report';

/** Code whose findings carry markup: a report that did not escape it would run it. */
const MARKUP_CODE = `import { readFileSync } from 'node:fs';

export async function page() {
  return readFileSync('</script><script>alert(1)</script>', 'utf8') + '<!-- <img src=x onerror=alert(2)>';
}
`;

describe('report page over analyzed code that holds markup', () => {
  it('shows the code as text under a policy that runs only its own script', () => {
    const file = 'src/<script>alert(3)</script>.ts';
    const findings = reportFindings(file, MARKUP_CODE, analyze(MARKUP_CODE, 'page.ts').findings);
    assert.equal(findings.length, 1);
    assert.ok(findings[0]!.lineText.includes('</script><script>alert(1)</script>'));
    const html = renderReportPage(
      { root: '</title><script>alert(4)</script>', files: 1, findings, skipped: [{ file, reason: '</li><script>alert(5)</script>' }] },
      { cspSource: 'vscode-resource:', nonce: 'n0nce' },
    );
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="n0nce">']);
    assert.equal(html.match(/<\/script>/g)?.length, 1);
    assert.ok(!/<img|<!--/.test(html));
    assert.ok(html.includes('&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;'));
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src vscode-resource: 'nonce-n0nce'; script-src 'nonce-n0nce'">/,
    );
  });
});

import * as assert from 'node:assert/strict';
import { countByRule, hotFolders, messageHtml, renderReportPage, reportFindings, shortenFolder, type ReportData, type ReportFinding } from '../src/report';

function finding(overrides: Partial<ReportFinding>): ReportFinding {
  return {
    file: 'src/a.ts',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 6,
    rule: 'await-in-loop',
    severity: 'warning',
    message: 'message',
    fixable: false,
    lineText: 'await a();',
    ...overrides,
  };
}

const CONTEXT = { cspSource: 'https://webview.test', nonce: 'abc123' };

describe('report page', () => {
  it('escapes code, messages and paths from the workspace', () => {
    const data: ReportData = {
      root: '<img src=x onerror=alert(1)>',
      files: 1,
      findings: [
        finding({
          file: 'src/"quoted"/<b>.ts',
          message: 'Use `p-map` & friends </p><script>alert(2)</script>',
          lineText: 'for (const x of xs) await fetch("<script>alert(1)</script>");',
        }),
      ],
      skipped: [{ file: '<script>.ts', reason: 'too large </li>' }],
    };
    const html = renderReportPage(data, CONTEXT);
    assert.equal(html.match(/<script/g)?.length, 1, 'only the page script is a script element');
    assert.ok(html.includes('<script nonce="abc123">'));
    assert.ok(!html.includes('<img'));
    assert.ok(!html.includes('<b>.ts'));
    assert.ok(html.includes('await fetch(&#34;&#60;script&#62;alert(1)&#60;/script&#62;&#34;);'));
    assert.ok(html.includes('src/&#34;quoted&#34;/&#60;b&#62;.ts:1:1'));
    assert.ok(html.includes('too large &#60;/li&#62;'));
  });

  it('allows only its own nonce-carrying script and style, and nothing remote', () => {
    const html = renderReportPage({ root: 'ws', files: 1, findings: [finding({})], skipped: [] }, CONTEXT);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; style-src https://webview.test 'nonce-abc123'; script-src 'nonce-abc123'");
    assert.ok(html.includes('<style nonce="abc123">'));
    assert.ok(!/\s(src|href)="(https?:)?\/\//.test(html), 'no remote resource');
    assert.ok(!/\sstyle="/.test(html), 'no inline style attribute, which the policy would block');
    assert.ok(!/\son[a-z]+=/.test(html), 'no inline event handler, which the policy would block');
  });

  it('links each finding to its index and lists the rules in the filter', () => {
    const findings = [
      finding({ file: 'src/b.ts', line: 4 }),
      finding({ rule: 'n-plus-one', file: 'src/db/users.ts', line: 9 }),
      finding({ file: 'src/a.ts', line: 2 }),
    ];
    const html = renderReportPage({ root: 'ws', files: 3, findings, skipped: [] }, CONTEXT);
    const links = [...html.matchAll(/<a href="#" data-index="(\d+)"[^>]*>([^<]*)<\/a>/g)].map((match) => `${match[1]} ${match[2]}`);
    assert.deepEqual(links, ['2 src/a.ts:2:1', '0 src/b.ts:4:1', '1 src/db/users.ts:9:1']);
    const options = [...html.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((match) => `${match[1]}=${match[2]}`);
    assert.deepEqual(options, ['=All rules (3)', 'await-in-loop=await-in-loop (2)', 'n-plus-one=n-plus-one (1)']);
    assert.ok(html.includes('<p class="summary">3 findings in 3 files of 3 files analyzed</p>'));
  });

  it('counts per rule and per folder, most first', () => {
    const findings = [
      finding({ file: 'a.ts' }),
      finding({ file: 'src/db/x.ts', rule: 'n-plus-one' }),
      finding({ file: 'src/db/y.ts', rule: 'n-plus-one' }),
      finding({ file: 'src/z.ts', rule: 'sync-io-in-async' }),
    ];
    assert.deepEqual(countByRule(findings), [
      { rule: 'n-plus-one', count: 2 },
      { rule: 'await-in-loop', count: 1 },
      { rule: 'sync-io-in-async', count: 1 },
    ]);
    assert.deepEqual(hotFolders(findings), [
      { folder: 'src/db', count: 2 },
      { folder: '.', count: 1 },
      { folder: 'src', count: 1 },
    ]);
    assert.deepEqual(hotFolders(findings, 1), [{ folder: 'src/db', count: 2 }]);
  });

  it('shows backticked parts of a message as code, after escaping', () => {
    assert.equal(messageHtml('Use `await readFile(<path>)` & `p-map`'), 'Use <code>await readFile(&#60;path&#62;)</code> &#38; <code>p-map</code>');
    assert.equal(messageHtml('an odd ` backtick'), 'an odd ` backtick');
  });
});

describe('report pages over several workspace folders and long code', () => {
  const folders = ['api', 'web'];
  const rows: ReportFinding[] = [
    { ...finding({}), folder: 'api', file: 'src/a.ts' },
    { ...finding({ rule: 'n-plus-one' }), folder: 'web', file: 'src/b.ts' },
    { ...finding({}), folder: 'web', file: 'src/c.ts' },
  ];
  const data: ReportData = { root: 'api', folders, files: 3, findings: rows, skipped: [] };

  it('names every folder in the title and groups the findings by folder, then by rule', () => {
    const html = renderReportPage(data, CONTEXT);
    assert.ok(html.includes('<h1>Perf Lint report <span class="root">api, web</span></h1>'));
    const headings = [...html.matchAll(/<h([23])( class="folder")?>(.*?)<\/h\1>/g)].map((match) => match[3]!.replace(/<[^>]+>/g, ''));
    assert.deepEqual(headings, ['api 1 finding', 'await-in-loop', 'web 2 findings', 'await-in-loop', 'n-plus-one']);
    // Links keep their index into the data, whatever the grouping.
    assert.deepEqual(
      [...html.matchAll(/data-index="(\d+)" title="Open ([^"]+)"/g)].map((match) => `${match[1]} ${match[2]}`),
      ['0 src/a.ts:1:1', '2 src/c.ts:1:1', '1 src/b.ts:1:1'],
    );
  });

  it('charts folders under their workspace folder name and cuts long names at a slash', () => {
    assert.deepEqual(hotFolders(rows), [
      { folder: 'web/src', count: 2 },
      { folder: 'api/src', count: 1 },
    ]);
    assert.equal(shortenFolder('packages/lib/server/src/services/notifications'), '…/src/services/notifications');
    assert.equal(shortenFolder('x/averyveryveryveryveryverylongfoldername'), '…yveryveryveryverylongfoldername');
  });

  it('offers the scan before any scan, and says the report shows only the open files', () => {
    const before = renderReportPage({ root: 'ws', files: 1, findings: [], skipped: [], openFilesOnly: true }, CONTEXT);
    assert.ok(before.includes('<button id="scan" type="button">Scan Workspace</button>'));
    assert.ok(before.includes('(open files only: scan the workspace to see every file)'));
    const after = renderReportPage({ root: 'ws', files: 1, findings: [], skipped: [] }, CONTEXT);
    assert.ok(after.includes('<button id="scan" type="button" class="secondary">Scan Workspace</button>'));
    assert.ok(!after.includes('open files only'));
  });

  it('shows a call over several lines whole, dedented, and stops at a block', () => {
    const text = [
      'async function f(ids: string[]) {',
      '  for (const id of ids) {',
      '    const user = await prisma.user.findUnique({',
      '      where: { id },',
      '      select: { name: true }, // ) not counted',
      '    });',
      '    console.log(user);',
      '  }',
      '}',
    ].join('\n');
    const offset = text.indexOf('await');
    const loop = text.indexOf('for');
    const [call, block] = reportFindings('f.ts', text, [
      { ruleId: 'n-plus-one', messageId: 'm', severity: 'warning', message: 'm', start: offset, end: offset + 5 },
      { ruleId: 'await-in-loop', messageId: 'm', severity: 'warning', message: 'm', start: loop, end: loop + 3 },
    ]);
    assert.equal(call!.lineText, 'const user = await prisma.user.findUnique({\n  where: { id },\n  select: { name: true }, // ) not counted\n});');
    assert.equal(block!.lineText, 'for (const id of ids) {');
  });
});

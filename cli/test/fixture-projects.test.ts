import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedFindings, fixtureFiles, FIXTURES_DIR } from '../../rules/test/annotations';
import { COMMAND_TIMEOUT, runJson } from './helpers';

/** Projects whose start-up code is known only from the files that call it: the command reads those files' facts as the tests' project index does. */
const BOOT_PROJECTS = [
  'sync-io-in-async/projects/app-builders',
  'sync-io-in-async/projects/boot-statics',
  'sync-io-in-async/projects/cluster-modules',
  'sync-io-in-async/projects/prototype-boot',
  'sync-io-in-async/projects/server-classes',
  'sync-io-in-async/projects/tool-callers',
];

describe('perf-lint on the annotated fixture projects', function () {
  this.timeout(COMMAND_TIMEOUT);

  for (const project of BOOT_PROJECTS) {
    it(`reports what the annotations of ${project} mark`, () => {
      const root = path.join(FIXTURES_DIR, project);
      const { status, report } = runJson(root, ['--no-cache', '.']);
      assert.ok(status === 0 || status === 1, `exit status ${status}`);
      const expected = fixtureFiles(project, []).flatMap((file) =>
        expectedFindings(fs.readFileSync(file, 'utf8')).map(({ rule, line, column }) => [path.relative(root, file), line, column, rule]),
      );
      const actual = report.findings.map((finding) => [finding.file, finding.line, finding.column, finding.rule]);
      const order = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();
      assert.deepEqual(order(actual), order(expected));
    });
  }
});

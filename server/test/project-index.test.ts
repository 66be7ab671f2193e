import * as assert from 'node:assert/strict';
import { ProjectModel } from '../../rules/src';
import type { ProjectModels } from '../../rules/src/analysis/orm-index';
import { ProjectIndex } from '../src/project';

const ROOT = '/workspace';
const MODEL = "import { Model } from 'sequelize';\nexport class User extends Model {}\n";
const SERVICE = "import { User } from './user';\nexport async function names(ids) { for (const id of ids) await User.findByPk(id); }\n";
const UNRELATED = "import { format } from 'date-fns';\nexport const today = () => format(new Date(), 'yyyy-MM-dd');\n";

describe('language server: the project index', () => {
  const snapshot = ProjectModel.prototype.snapshot;
  let merges = 0;
  beforeEach(() => {
    merges = 0;
    ProjectModel.prototype.snapshot = function (this: ProjectModel) {
      merges++;
      return snapshot.call(this);
    };
  });
  afterEach(() => {
    // The method is the base class's: removing the counting one brings it back.
    delete (ProjectModel.prototype as Partial<ProjectModel>).snapshot;
  });

  it('reads a workspace file by file without merging the index, and merges it once for the rules', () => {
    const index = new ProjectIndex(() => ROOT, { readFile: () => undefined });
    index.updateFile(`${ROOT}/src/user.ts`, MODEL);
    for (let n = 0; n < 50; n++) {
      index.updateFile(`${ROOT}/src/service${n}.ts`, SERVICE);
      index.updateFile(`${ROOT}/src/date${n}.ts`, UNRELATED);
      assert.deepEqual(index.takeForwardingFiles(), []);
    }
    assert.equal(merges, 0);
    const info = index.info(`${ROOT}/src/service0.ts`, ROOT, { sorted: ['sequelize'], set: new Set(['sequelize']) });
    assert.equal(merges, 1);
    assert.deepEqual((info.models as ProjectModels).models, { User: { name: 'User', orm: 'sequelize' } });
  });

  it('tells which files run in a child process, and that it changed when a file starts or stops starting one', () => {
    const index = new ProjectIndex(() => ROOT, { readFile: () => undefined });
    const none = { sorted: [], set: new Set<string>() };
    const starter = `${ROOT}/src/index.ts`;
    const sender = `${ROOT}/src/flush/send.ts`;
    const outbox = `${ROOT}/src/outbox.ts`;
    assert.equal(index.updateFile(outbox, 'export class Outbox {}\n'), false);
    assert.equal(index.updateFile(sender, "import { Outbox } from '../outbox';\nvoid Outbox;\n"), false);
    assert.equal(index.info(outbox, ROOT, none).childProcess, undefined);
    assert.equal(
      index.updateFile(starter, "import { fork } from 'node:child_process';\nexport const flush = () => fork(require.resolve('./flush/send'));\n"),
      true,
    );
    assert.deepEqual(
      [starter, sender, outbox].map((file) => index.info(file, ROOT, none).childProcess),
      [undefined, true, true],
    );
    assert.equal(index.updateFile(starter, 'export const flush = () => undefined;\n'), true);
    assert.equal(index.info(sender, ROOT, none).childProcess, undefined);
  });

  it('tells which files only scripts import, and says when finding them again changed them', () => {
    let changes = 0;
    const index = new ProjectIndex(
      () => ROOT,
      { readFile: (file) => (file === `${ROOT}/package.json` ? '{}' : undefined) },
      () => changes++,
    );
    const none = { sorted: [], set: new Set<string>() };
    const script = `${ROOT}/scripts/export.ts`;
    const backup = `${ROOT}/src/backup.ts`;
    const routes = `${ROOT}/src/routes.ts`;
    index.updateFile(backup, "import { writeFileSync } from 'node:fs';\nexport async function backup() { writeFileSync('a', ''); }\n");
    index.updateFile(script, "import { backup } from '../src/backup';\nvoid backup();\n");
    index.updateFile(routes, 'export const routes = [];\n');
    assert.deepEqual(
      [script, backup, routes].map((file) => index.info(file, ROOT, none).scriptOnly),
      [undefined, true, undefined],
    );
    assert.equal(changes, 0);
    index.updateFile(routes, "import { backup } from './backup';\nexport const routes = [backup];\n");
    assert.equal(index.info(backup, ROOT, none).scriptOnly, undefined);
    assert.equal(changes, 1);
    // Another import that changes nothing found: no other file needs analyzing again.
    index.updateFile(routes, "import { backup } from './backup';\nimport { join } from 'node:path';\nexport const routes = [backup, join];\n");
    assert.equal(index.info(backup, ROOT, none).scriptOnly, undefined);
    assert.equal(changes, 1);
    index.removeFile(routes);
    assert.equal(index.info(backup, ROOT, none).scriptOnly, true);
    assert.equal(changes, 2);
    // A declaration file's imports run nothing: the backup stays a script's.
    index.updateFile(`${ROOT}/types/backup.d.ts`, "import type { backup } from '../src/backup';\nexport type Backup = typeof backup;\n");
    assert.equal(index.info(backup, ROOT, none).scriptOnly, true);
    assert.equal(changes, 2);
  });
});

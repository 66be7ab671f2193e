import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProjectModel, type AnalysisOptions, type ProjectHost } from '../src';
import { syntaxSignals } from '../src/syntax-signals';
import { actualFindings, declaresNoFindings, expectedFindings, fixtureFiles, fixtureOptions, FIXTURES_DIR } from './annotations';

/** The project model's view of the fixture trees. */
const DISK: ProjectHost = {
  readFile(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/** A fixture project's files (below `folder` of test-fixtures), their texts, and the analysis options with its project model. */
export function loadProject(folder: string): {
  files: string[];
  texts: Map<string, string>;
  options: AnalysisOptions;
  /** The options for one file: those of the project, with whether only its one-off programs import the file. */
  optionsFor: (file: string) => AnalysisOptions;
} {
  const files = fixtureFiles(folder, []);
  const texts = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  const model = new ProjectModel(DISK, path.join(FIXTURES_DIR, folder));
  for (const file of files) model.update(file, texts.get(file)!);
  // As the command does: the one-off programs among the files are known before the rules run.
  const scriptOnly = model.runOnlyByScripts(
    files.map((file) => ({ file, signals: syntaxSignals(texts.get(file)!, file) })),
    path.join(FIXTURES_DIR, folder),
    new Set(),
  );
  // The rule settings of the `.perflintrc.json` files above the project, as for every fixture.
  const configured = fixtureOptions(path.join(FIXTURES_DIR, folder, 'package.json'));
  const options: AnalysisOptions = { ...configured, project: { dependencies: new Set(), models: model.snapshot() } };
  const optionsFor = (file: string): AnalysisOptions => (scriptOnly.has(file) ? { ...options, project: { ...options.project!, scriptOnly: true } } : options);
  return { files, texts, options, optionsFor };
}

/** A test per file of a fixture project: its findings, with the project index, are the ones its annotations mark. */
export function describeAnnotatedProject(folder: string): void {
  describe('across the files of a project', () => {
    const { files, texts, optionsFor } = loadProject(folder);
    for (const file of files) {
      it(path.relative(FIXTURES_DIR, file), () => {
        const text = texts.get(file)!;
        assert.equal(declaresNoFindings(text), expectedFindings(text).length === 0, 'a file without findings says "// valid" on its first line');
        assert.deepEqual(actualFindings(text, file, optionsFor(file)), expectedFindings(text));
      });
    }
  });
}

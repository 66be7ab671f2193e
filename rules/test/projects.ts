import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, ProjectModel, type AnalysisOptions, type ProjectHost } from '../src';
import { fixtureFiles, FIXTURES_DIR } from './annotations';

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
export function loadProject(folder: string): { files: string[]; texts: Map<string, string>; options: AnalysisOptions } {
  const files = fixtureFiles(folder, []);
  const texts = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  const model = new ProjectModel(DISK, path.join(FIXTURES_DIR, folder));
  for (const file of files) model.update(file, texts.get(file)!);
  return { files, texts, options: { ...DEFAULT_OPTIONS, project: { dependencies: new Set(), models: model.snapshot() } } };
}

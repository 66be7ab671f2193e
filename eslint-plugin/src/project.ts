import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import {
  childProcessFiles,
  collectProjectFacts,
  dependenciesOf,
  ProjectModel,
  projectFactsReach,
  syntaxSignals,
  type ProjectInfo,
  type SyntaxSignals,
} from '../../rules/src';
import { CONFIG_LIMIT, readWorkspaceFileSync, Workspace } from '../../workspace/src';

/** Files above this size are not read for the project model, as the command skips them by default. */
const MAX_FILE_SIZE = 1024 * 1024;

/** What one project root holds for the rules: its model, the files that run in a child process or worker thread, and those only one-off programs import. */
interface ProjectState {
  models: unknown;
  childFiles: ReadonlySet<string>;
  scriptOnlyFiles: ReadonlySet<string>;
}

/** The project state of each project root, built once per process (one ESLint run lints many files of a project). */
const projects = new Map<string, ProjectState>();

/**
 * What the rules know of the project around a linted file: the dependencies of its nearest
 * package.json and the ORM models and clients its project declares, read from disk as the
 * command reads them. A file that is not on disk (standard input, an editor's unsaved buffer
 * with no folder) gets what the one file shows.
 */
export function projectInfoFor(fileName: string): ProjectInfo {
  const file = path.resolve(fileName);
  const folder = path.dirname(file);
  if (!fs.existsSync(folder)) return { dependencies: new Set() };
  const root = projectRoot(folder);
  let project = projects.get(root);
  if (!project) projects.set(root, (project = buildProject(root)));
  return {
    dependencies: nearestDependencies(folder),
    top: root,
    ...(project.models !== undefined && { models: project.models }),
    ...(project.childFiles.has(file) && { childProcess: true }),
    ...(project.scriptOnlyFiles.has(file) && { scriptOnly: true }),
  };
}

/** The repository root (a folder holding `.git`), else the outermost folder with a package.json, else the file's own folder. */
function projectRoot(folder: string): string {
  let outermostPackage: string | undefined;
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (fs.existsSync(path.join(dir, 'package.json'))) outermostPackage = dir;
    if (path.dirname(dir) === dir) return outermostPackage ?? folder;
  }
}

/** How long a listing may take before the rules go on with each file on its own. */
const LISTING_TIMEOUT_MS = 60_000;

/** What the listing thread is handed. */
interface ListingRequest {
  perfLintListing: true;
  root: string;
  port: MessagePort;
  done: Int32Array;
}

/**
 * The files the command would lint under `root`, and the declaration files it reads for their types, listed by the workspace layer. ESLint rules are
 * synchronous and the layer is not: the listing runs on a thread of its own while this one waits.
 */
function listFiles(root: string): string[] {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const request: ListingRequest = { perfLintListing: true, root, port: port2, done };
  const worker = new Worker(__filename, { workerData: request, transferList: [port2] });
  try {
    Atomics.wait(done, 0, 0, LISTING_TIMEOUT_MS);
    const reply = receiveMessageOnPort(port1)?.message as { files?: string[] } | undefined;
    return reply?.files ?? [];
  } finally {
    void worker.terminate();
    port1.close();
  }
}

/** On the listing thread: list, reply, and wake the waiting thread (also when the listing fails). */
if (!isMainThread && (workerData as ListingRequest | undefined)?.perfLintListing) {
  const { root, port, done } = workerData as ListingRequest;
  const reply = (files: string[]): void => {
    port.postMessage({ files });
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  };
  new Workspace().listFiles(['.'], { cwd: root }).then(
    (listing) => reply([...listing.files, ...listing.declarations]),
    () => reply([]),
  );
}

/** The project model of every source file under `root` the command would lint (undefined when no file declares anything), its child process files and its script-only files. */
function buildProject(root: string): ProjectState {
  try {
    const model = new ProjectModel(new Workspace().projectHost, root);
    const sources: { file: string; signals: SyntaxSignals }[] = [];
    let declaring = 0;
    for (const file of listFiles(root)) {
      const text = readSmall(file);
      if (text === undefined) continue;
      const signals = syntaxSignals(text, file);
      sources.push({ file, signals });
      model.setSignals(file, signals);
      if (projectFactsReach(signals) === 'declarations') declaring += addFacts(model, text, file);
    }
    // Which files import one that reaches a database is known once every file's imports are; those are read again rather than held meanwhile.
    const reaching = model.reachingDatabase(sources);
    // As the command does: whether a blocking call runs only at boot is known from the calls of the files that import its function.
    const blocking = new Set(sources.flatMap((source) => (source.signals.blockingName ? [source.file] : [])));
    for (const file of model.importersOfAny(sources, blocking)) reaching.add(file);
    for (const source of sources) {
      if (projectFactsReach(source.signals) === 'declarations' || !reaching.has(source.file)) continue;
      const text = readSmall(source.file);
      if (text !== undefined) declaring += addFacts(model, text, source.file);
    }
    const childFiles = childProcessFiles(sources).files;
    // Known before the snapshot, as the command knows them: a one-off program's calls say nothing of when the application runs a function.
    const scriptOnlyFiles = model.runOnlyByScripts(sources, root, childFiles);
    return { models: declaring > 0 ? model.snapshot() : undefined, childFiles, scriptOnlyFiles };
  } catch {
    // A project that cannot be listed (configuration error, unreadable folders): each file on its own.
    return { models: undefined, childFiles: new Set(), scriptOnlyFiles: new Set() };
  }
}

/** Adds a file's facts to the model; 1 when it declares something, else 0. */
function addFacts(model: ProjectModel, text: string, file: string): number {
  try {
    const fileFacts = collectProjectFacts(text, file);
    model.setFacts(file, fileFacts);
    return fileFacts ? 1 : 0;
  } catch {
    // A file the index cannot read still gets its own analysis.
    return 0;
  }
}

function readSmall(file: string): string | undefined {
  const read = readWorkspaceFileSync(file, { maxBytes: MAX_FILE_SIZE, limitName: 'maxFileSize' });
  return 'text' in read ? read.text : undefined;
}

function nearestDependencies(folder: string): ReadonlySet<string> {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const read = readWorkspaceFileSync(path.join(dir, 'package.json'), CONFIG_LIMIT);
    if ('text' in read) return dependenciesOf(read.text);
    if (path.dirname(dir) === dir) return new Set();
  }
}

// Builds the benchmark corpus: real published sources copied out of node_modules, plus copies for the scaling runs.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Large backend packages pinned as devDependencies: real code that nobody here wrote. */
export const CORPUS_PACKAGES = ['typeorm', 'sequelize', 'mongoose', 'knex', '@nestjs/core', '@nestjs/common'];

const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
const DECLARATION_FILE = /\.d\.(ts|mts|cts)$/i;
/** The command's default size limit; a larger file would be skipped by perf-lint and not by the others. */
const MAX_FILE_SIZE = 1024 * 1024;
/** Directory names the command never enters; a file inside one would be linted by the others only. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Source files under `root` that every tool in the comparison reads. */
function sourceFilesUnder(root) {
  const files = [];
  const visit = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name) && statSync(path).size <= MAX_FILE_SIZE) {
        files.push(path);
      }
    }
  };
  visit(root);
  return files;
}

function place(source, target, link) {
  mkdirSync(dirname(target), { recursive: true });
  if (link) {
    try {
      linkSync(source, target);
      return;
    } catch {
      // Another file system or no hard links: a plain copy does the same job.
    }
  }
  copyFileSync(source, target);
}

/**
 * Copies the corpus packages' sources (and their package.json, which the command reads for dependencies)
 * and every extra path into `directory`. Returns the copied files relative to `directory`.
 */
export function buildCorpus(directory, extraPaths) {
  const sources = CORPUS_PACKAGES.map((name) => ({ name, root: join(PROJECT_ROOT, 'node_modules', name) }));
  for (const [index, path] of extraPaths.entries()) sources.push({ name: `extra-${index + 1}-${basename(path)}`, root: path });
  const corpus = { sources: [], manifests: [] };
  for (const { name, root } of sources) {
    if (!existsSync(root)) throw new Error(`corpus path not found: ${root}`);
    if (existsSync(join(root, 'package.json'))) {
      place(join(root, 'package.json'), join(directory, name, 'package.json'), false);
      corpus.manifests.push(join(name, 'package.json'));
    }
    for (const file of sourceFilesUnder(root)) {
      const target = join(directory, name, relative(root, file));
      place(file, target, false);
      corpus.sources.push(relative(directory, target));
    }
  }
  return corpus;
}

/**
 * Hard-links the corpus in `corpusDirectory` into `copies` sibling directories named copy-2, copy-3, …
 * (copy-1 being the corpus itself); `limit` caps the total number of source files across all copies.
 * Returns the directories to scan and their source file count.
 */
export function replicateCorpus(corpusDirectory, corpus, copies, limit = Infinity) {
  const roots = [corpusDirectory];
  let placed = corpus.sources.length;
  for (let copy = 2; copy <= copies && placed < limit; copy++) {
    const root = join(dirname(corpusDirectory), `copy-${copy}`);
    roots.push(root);
    for (const manifest of corpus.manifests) if (!existsSync(join(root, manifest))) place(join(corpusDirectory, manifest), join(root, manifest), true);
    for (const file of corpus.sources) {
      if (placed >= limit) break;
      const target = join(root, file);
      if (!existsSync(target)) place(join(corpusDirectory, file), target, true);
      placed++;
    }
  }
  return { roots, files: placed };
}

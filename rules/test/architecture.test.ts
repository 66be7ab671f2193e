import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './annotations';

const CORE = path.join(REPO_ROOT, 'rules/src');

/** Every TypeScript file under `folder`, by absolute path. */
function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Whether an import or export declaration brings values at run time (type-only ones are erased). */
function loadsAtRunTime(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) return !statement.isTypeOnly;
  const clause = statement.importClause;
  if (!clause) return true;
  if (clause.isTypeOnly) return false;
  const bindings = clause.namedBindings;
  return Boolean(clause.name) || !bindings || ts.isNamespaceImport(bindings) || bindings.elements.some((element) => !element.isTypeOnly);
}

/** The files of the core that `file` loads at run time, by import or re-export. */
function localImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return [];
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.') || !loadsAtRunTime(statement)) return [];
    const target = path.resolve(path.dirname(file), specifier.text);
    return [fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts')];
  });
}

/** The import circles of a graph, each as the path that closes it. */
function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const circles: string[][] = [];
  const finished = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const onStack = stack.indexOf(next);
      if (onStack >= 0) circles.push([...stack.slice(onStack), next]);
      else if (!finished.has(next)) visit(next);
    }
    stack.pop();
    finished.add(file);
  };
  for (const file of graph.keys()) if (!finished.has(file)) visit(file);
  return circles;
}

describe('architecture of the core', () => {
  it('has no import circle at run time', () => {
    const graph = new Map(sourceFiles(CORE).map((file) => [file, localImports(file)]));
    const circles = importCircles(graph).map((circle) => circle.map((file) => path.relative(CORE, file)).join(' -> '));
    assert.deepEqual(circles, []);
  });

  it('finds a circle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(importCircles(graph), [['a', 'b', 'c', 'a']]);
  });
});

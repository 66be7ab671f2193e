import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AST_NODE_TYPES, parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { walk } from '../src/walk';
import { REPO_ROOT } from './annotations';

/** Where the tools' own code lives; none of it may load or run code it did not ship with. */
const SOURCE_FOLDERS = ['rules/src', 'cli/src', 'server/src', 'client/src'];

function sourceFiles(): string[] {
  return SOURCE_FOLDERS.flatMap((folder) => {
    const root = path.join(REPO_ROOT, folder);
    if (!fs.existsSync(root)) return [];
    return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name));
  });
}

/** Calls that load or evaluate code: `require(x)` and `import(x)` of anything but a fixed module name, eval, Function, vm. */
function codeLoadingCalls(text: string): string[] {
  const found: string[] = [];
  const isLiteral = (node: TSESTree.Node | undefined): boolean => node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string';
  walk(
    parse(text, { range: true, jsx: false }),
    (node) => {
      const at = (what: string): void => void found.push(`${what} at ${text.slice(0, node.range[0]).split('\n').length}`);
      if (node.type === AST_NODE_TYPES.ImportExpression && !isLiteral(node.source)) at('import()');
      if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
        const callee = node.callee;
        const name =
          callee.type === AST_NODE_TYPES.Identifier
            ? callee.name
            : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
              ? callee.property.name
              : '';
        if (name === 'require' && !isLiteral(node.arguments[0])) at('require() of a computed name');
        if (['eval', 'Function', 'createRequire', 'runInNewContext', 'runInThisContext', 'compileFunction'].includes(name)) at(name);
      }
    },
    () => {},
  );
  return found;
}

describe('security: nothing from the analyzed workspace is executed', () => {
  it('no source file loads a module by a computed name or evaluates code', () => {
    const files = sourceFiles();
    assert.ok(files.length > 20, 'the sources were found');
    const offenders = files.flatMap((file) => codeLoadingCalls(fs.readFileSync(file, 'utf8')).map((call) => `${path.relative(REPO_ROOT, file)}: ${call}`));
    assert.deepEqual(offenders, []);
  });

  it('the check finds what it looks for', () => {
    const sample = "const m = require(name);\nconst f = new Function('x', body);\nawait import(`./${plugin}`);\nrequire('node:fs');\n";
    assert.deepEqual(codeLoadingCalls(sample), ['require() of a computed name at 1', 'Function at 2', 'import() at 3']);
  });
});

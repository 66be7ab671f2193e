/** Lists whose length the code states, wherever they are written: shared by the rules that ask whether a loop or a `Promise.all` is bounded. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { projectModels } from './orm';
import { declarationOf, moduleKey } from './orm-index';
import { resolveModuleMember } from './resolve';

/**
 * `import { PLATFORMS } from './platforms'` with `export const PLATFORMS = [...] as const` there: an
 * imported constant that holds a literal array or object, as the project model knows it of every
 * file (through re-exports of files it indexes). It holds as many items as its file lists.
 */
export function isImportedFixedList(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const models = projectModels(context);
  if (!models?.fixedLists) return false;
  const imported = resolveModuleMember(context, identifier);
  const name = imported?.path.length === 1 ? imported.path[0]! : undefined;
  const key = name === undefined ? undefined : moduleKey(models, context.fileName, imported!.module);
  if (key === undefined) return false;
  return !!declarationOf(models, key, name!, (file, exported) => !!models.fixedLists?.[file]?.includes(exported));
}

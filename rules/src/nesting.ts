import type { TSESTree } from '@typescript-eslint/typescript-estree';

/**
 * How deeply a file may nest. The parser and the helpers that recurse over the tree overflow the
 * stack at a depth that depends on the thread's stack and on how warm the code is; a fixed limit,
 * well below the shallowest overflow measured on the main thread, gives every thread the same
 * answer. Counted in levels of the ESTree, with the parentheses and comma lists it leaves out.
 */
export const MAX_NESTING = 400;

/** The reason given for a file deeper than the limit, whether the limit or the stack stopped it. */
export const TOO_DEEP = `nested too deeply (more than ${MAX_NESTING} levels)`;

/**
 * The levels a node adds to the nesting the parser recursed through: itself, the parentheses just
 * before it (TypeScript's tree has a node for each, the ESTree none), or, for a comma list, one per
 * item (a chain in TypeScript's tree). Counts a parenthesis twice at most, never misses one.
 */
export function nestingOf(node: TSESTree.Node, text: string): number {
  let levels = node.type === 'SequenceExpression' ? node.expressions.length : 1;
  let index = node.range[0] - 1;
  while (index >= 0) {
    const code = text.charCodeAt(index);
    if (code === 0x28) {
      levels++;
      index--;
    } else if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
      index--;
    } else if (code === 0x2f && text.charCodeAt(index - 1) === 0x2a) {
      // `( /* note */ (`: a comment between parentheses does not hide them.
      const opening = text.lastIndexOf('/*', index - 2);
      if (opening < 0) break;
      index = opening - 1;
    } else {
      break;
    }
  }
  return levels;
}

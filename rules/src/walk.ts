import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { TSESTree } from '@typescript-eslint/typescript-estree';

type Visit = (node: TSESTree.Node) => void;

/** Walks the tree depth-first with an explicit stack (deep nesting must not overflow), setting `parent`. */
export function walk(root: TSESTree.Node, enter: Visit, leave: Visit): void {
  const stack: Array<{ node: TSESTree.Node; exiting: boolean }> = [{ node: root, exiting: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exiting) {
      leave(frame.node);
      continue;
    }
    const node = frame.node;
    enter(node);
    stack.push({ node, exiting: true });
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) pushChild(stack, node, child[i]);
      } else {
        pushChild(stack, node, child);
      }
    }
  }
}

function pushChild(stack: Array<{ node: TSESTree.Node; exiting: boolean }>, parent: TSESTree.Node, child: unknown): void {
  if (child && typeof (child as TSESTree.Node).type === 'string') {
    (child as { parent?: TSESTree.Node }).parent = parent;
    stack.push({ node: child as TSESTree.Node, exiting: false });
  }
}

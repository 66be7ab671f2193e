import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { TSESTree } from '@typescript-eslint/typescript-estree';

type Visit = (node: TSESTree.Node) => void;

/**
 * Walks the tree depth-first with an explicit stack (deep nesting must not overflow), setting
 * `parent`. The stack is two parallel arrays, not an object per step: a scan walks millions of nodes.
 */
export function walk(root: TSESTree.Node, enter: Visit, leave: Visit): void {
  const nodes: TSESTree.Node[] = [root];
  const exiting: boolean[] = [false];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    if (exiting.pop()) {
      leave(node);
      continue;
    }
    enter(node);
    nodes.push(node);
    exiting.push(true);
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) pushChild(nodes, exiting, node, child[i]);
      } else {
        pushChild(nodes, exiting, node, child);
      }
    }
  }
}

function pushChild(nodes: TSESTree.Node[], exiting: boolean[], parent: TSESTree.Node, child: unknown): void {
  if (child && typeof (child as TSESTree.Node).type === 'string') {
    (child as { parent?: TSESTree.Node }).parent = parent;
    nodes.push(child as TSESTree.Node);
    exiting.push(false);
  }
}

// Loading a tree the class hands back at once waits for nothing: those loops are not reported. Fetching each root from the
// store, a static method whose type is another of the project's types, and a class with its own `then` still are.
import { Deferred, Tree, type BlockStore } from './tree/tree';

export async function subtrees(store: BlockStore, roots: string[]): Promise<Tree[]> {
  const trees: Tree[] = [];
  for (const root of roots) {
    trees.push(await Tree.load(store, root));
  }
  return trees;
}

export async function layered(tree: Tree, layers: number[]): Promise<string[]> {
  const roots: string[] = [];
  for (const layer of layers) {
    roots.push((await tree.withLayer(layer)).root);
  }
  return roots;
}

export async function fetchRoots(store: BlockStore, keys: string[]): Promise<Tree[]> {
  const trees: Tree[] = [];
  for (const key of keys) {
    trees.push(await Tree.fetchRoot(store, key));
//             ^^^^^ await-in-loop
  }
  return trees;
}

export async function parseAll(texts: string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const text of texts) {
    keys.push((await Tree.parse(text)).key);
//             ^^^^^ await-in-loop
  }
  return keys;
}

export async function settleAll(values: string[]): Promise<string[]> {
  const settled: string[] = [];
  for (const value of values) {
    settled.push(await Deferred.of(value));
//               ^^^^^ await-in-loop
  }
  return settled;
}

// valid
// A tree read from a block store: `load` and `withLayer` hand back a tree at once, `fetchRoot` asks the store. A node's
// `parse` hands back a type of the project, which may name anything. A deferred value is awaited as a promise.
export interface BlockStore {
  get(key: string): Promise<Uint8Array | undefined>;
}

export interface TreeNode {
  key: string;
  children: string[];
}

export class Tree {
  private layer = 0;

  constructor(
    private readonly store: BlockStore,
    readonly root: string,
  ) {}

  static load(store: BlockStore, root: string): Tree {
    return new Tree(store, root);
  }

  static async fetchRoot(store: BlockStore, key: string): Promise<Tree> {
    const bytes = await store.get(key);
    return new Tree(store, new TextDecoder().decode(bytes));
  }

  static parse(text: string): TreeNode {
    return JSON.parse(text) as TreeNode;
  }

  withLayer(layer: number): this {
    this.layer = layer;
    return this;
  }
}

export class Deferred {
  private constructor(private readonly value: string) {}

  static of(value: string): Deferred {
    return new Deferred(value);
  }

  then(resolve: (value: string) => void): void {
    setTimeout(() => resolve(this.value), 10);
  }
}

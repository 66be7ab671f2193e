// Async functions of the file that only work on memory (a method of the class that renders a tree, a store
// holding a Map, a curried function that walks a graph and calls itself) do no I/O: waiting for all of them
// waits for nothing. The same shapes that send a request or read a file per item are still reported.
import { readFile } from 'node:fs/promises';

interface MenuNode {
  label: string;
  children: MenuNode[];
}

interface Price {
  sku: string;
  cents: number;
}

export class MenuRenderer {
  async renderAll(nodes: MenuNode[]): Promise<string[]> {
    return Promise.all(nodes.map((node) => this.render(node, 0)));
  }

  private async render(node: MenuNode, level: number): Promise<string> {
    const children = await Promise.all(node.children.map((child) => this.render(child, level + 1)));
    return this.line(node, level) + children.join('');
  }

  private line(node: MenuNode, level: number): string {
    return `${'  '.repeat(level)}- ${node.label}\n`;
  }
}

class PriceTable {
  private readonly prices = new Map<string, Price>();

  async get(sku: string): Promise<Price | null> {
    return this.prices.get(sku) ?? null;
  }

  async put(price: Price): Promise<void> {
    this.prices.set(price.sku, price);
  }
}

class PriceFiles {
  async get(sku: string): Promise<Price> {
    const text = await readFile(`prices/${sku}.json`, 'utf8');
    return JSON.parse(text) as Price;
  }
}

const table = new PriceTable();
const files = new PriceFiles();

export async function cachedPrices(skus: string[]): Promise<Array<Price | null>> {
  return Promise.all(skus.map((sku) => table.get(sku)));
}

export async function storedPrices(skus: string[]): Promise<Price[]> {
  return Promise.all(skus.map((sku) => files.get(sku)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

type Graph = Record<string, string[]>;

const neighbours =
  (graph: Graph) =>
  (id: string): string[] =>
    graph[id] ?? [];

const reachable =
  (graph: Graph, seen: Set<string>) =>
  async (id: string): Promise<string[]> => {
    seen.add(id);
    const next = neighbours(graph)(id).filter((other) => !seen.has(other));
    const further = await Promise.all(next.map((other) => reachable(graph, seen)(other)));
    return next.concat(further.flat());
  };

export async function reachableFromAll(graph: Graph, ids: string[]): Promise<string[][]> {
  return Promise.all(ids.map((id) => reachable(graph, new Set())(id)));
}

export class PriceService {
  async quoteAll(skus: string[]): Promise<number[]> {
    return Promise.all(skus.map((sku) => this.quote(sku)));
    //     ^^^^^^^^^^^ unbounded-promise-all
  }

  private async quote(sku: string): Promise<number> {
    const price = await this.lookup(sku);
    return Math.round(price.cents * 1.2);
  }

  private async lookup(sku: string): Promise<Price> {
    const response = await fetch(`https://prices.example.com/${sku}`);
    return (await response.json()) as Price;
  }
}

const hashSmall = async (file: Blob): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
};

const hashLarge = async (file: Blob): Promise<string> => {
  const text = await file.text();
  return String(text.length);
};

export async function hashUploads(uploads: Blob[]): Promise<string[]> {
  return Promise.all(
  //     ^^^^^^^^^^^ unbounded-promise-all
    uploads.map((upload) => {
      const hashFn = upload.size < 1_000_000 ? hashSmall : hashLarge;
      return hashFn(upload);
    }),
  );
}

export async function publishSettings(projectIds: string[], token: string): Promise<void> {
  const settings = [
    { name: 'API_TOKEN', value: token },
    { name: 'API_URL', value: 'https://api.example.com' },
  ];
  await Promise.all(
  //    ^^^^^^^^^^^ unbounded-promise-all
    projectIds.flatMap((projectId) =>
      settings.map((setting) => fetch(`https://deploy.example.com/projects/${projectId}/settings`, { method: 'POST', body: JSON.stringify(setting) })),
    ),
  );
}

// A queue the loop drains and refills with the rows it reads walks a tree one node, one query at a time.
// Paging and retries read the next rows from a value the loop carries, not from a queue of rows.
import { eq, gt } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
import { comments, folders } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));
const prisma = new PrismaClient();

interface Node {
  id: string;
}

export async function thread(rootId: string) {
  const found: Node[] = [];
  const pending: Node[] = [{ id: rootId }];
  while (true) {
    const parent = pending.shift();
    if (parent == null) break;
    const replies = await db.select().from(comments).where(eq(comments.parentId, parent.id));
//                        ^^^^^^^^^ n-plus-one
    found.push(...replies);
    pending.push(...replies);
  }
  return found;
}

export async function subfolderIds(rootId: string): Promise<string[]> {
  const ids: string[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const folderId = stack.pop()!;
    const children = await db.select({ id: folders.id }).from(folders).where(eq(folders.parentId, folderId));
//                         ^^^^^^^^^ n-plus-one
    for (const child of children) ids.push(child.id);
    stack.push(...children.map((child) => child.id));
  }
  return ids;
}

export async function foldersToDepth(rootId: string, maxDepth: number) {
  const seen: string[] = [];
  const queue = [{ id: rootId, depth: 0 }];
  while (queue.length) {
    const { id, depth } = queue.shift()!;
    seen.push(id);
    if (depth === maxDepth) continue;
    const children = await db.select({ id: folders.id }).from(folders).where(eq(folders.parentId, id));
//                         ^^^^^^^^^ n-plus-one
    for (const child of children) queue.push({ id: child.id, depth: depth + 1 });
  }
  return seen;
}

export async function descendantIds(rootId: number) {
  const found: number[] = [];
  const queue = [rootId];
  while (queue.length > 0) {
    const parentId = queue.shift()!;
    const children = await prisma.folder.findMany({ where: { parentId }, select: { id: true } });
//                         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    for (const child of children) {
      found.push(child.id);
      queue.push(child.id);
    }
  }
  return found;
}

export async function allComments(): Promise<Node[]> {
  const rows: Node[] = [];
  let after = '';
  while (true) {
    const page = await db.select().from(comments).where(gt(comments.id, after)).limit(100);
    if (page.length === 0) break;
    rows.push(...page);
    after = page[page.length - 1]!.id;
  }
  return rows;
}

export async function readWhenReady(id: string, jobs: Node[]) {
  while (jobs.length > 0) {
    const job = jobs.shift()!;
    const [row] = await db.select().from(comments).where(eq(comments.id, job.id));
    if (row) return row;
  }
  return undefined;
}

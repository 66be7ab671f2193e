// A loop that leaves only to hand back a failure runs through every item when all goes well: a query per item.
// A loop that leaves on what it found is a search, which usually stops after a few items.
import { PrismaClient } from '@prisma/client';
import * as E from 'fp-ts/Either';
import { err, ok, type Result } from 'neverthrow';

const prisma = new PrismaClient();

interface Hit {
  kind: 'folder' | 'file';
  id: string;
}

async function pathOf(hit: Hit): Promise<E.Either<string, string[]>> {
  const rows = await prisma.folder.findMany({ where: { childId: hit.id }, select: { name: true } });
  return rows.length > 0 ? E.right(rows.map((row) => row.name)) : E.left('orphan');
}

async function sizeOf(id: string): Promise<Result<number, string>> {
  const file = await prisma.file.findUnique({ where: { id } });
  return file ? ok(file.size) : err(`missing ${id}`);
}

export async function withPaths(hits: Hit[]): Promise<E.Either<string, Array<Hit & { path: string[] }>>> {
  const found: Array<Hit & { path: string[] }> = [];
  for (const hit of hits) {
    const path = await pathOf(hit);
//                     ^^^^^^ n-plus-one
    if (E.isLeft(path)) return E.left(`no path for ${hit.id}: ${path.left}`);
    found.push({ ...hit, path: path.right });
  }
  return E.right(found);
}

export async function totalSize(ids: string[]): Promise<Result<number, string>> {
  let total = 0;
  for (const id of ids) {
    const size = await sizeOf(id);
//                     ^^^^^^ n-plus-one
    if (size.isErr()) {
      return size;
    }
    total += size.value;
  }
  return ok(total);
}

export async function firstLarge(ids: string[]): Promise<string | undefined> {
  for (const id of ids) {
    const size = await sizeOf(id);
    if (size.isOk() && size.value > 1_000_000) return id;
  }
  return undefined;
}

export async function firstOrphan(hits: Hit[]): Promise<E.Either<string, Hit | undefined>> {
  for (const hit of hits) {
    const path = await pathOf(hit);
    if (E.isLeft(path)) return E.left(path.left);
    if (path.right.length === 0) return E.right(hit);
  }
  return E.right(undefined);
}

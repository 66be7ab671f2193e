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

/** A result class written in the project: `Outcome.fail(...)` and `isFailure()` name its failure side. */
declare class Outcome<T> {
  static ok<T>(value?: T): Outcome<T>;
  static fail<T>(failure: string): Outcome<T>;
  isFailure(): boolean;
  readonly error: string;
}

async function archiveFile(id: string): Promise<Outcome<void>> {
  const file = await prisma.file.findUnique({ where: { id } });
  if (!file) return Outcome.fail(`missing ${id}`);
  await prisma.file.update({ where: { id }, data: { archived: true } });
  return Outcome.ok();
}

export async function archiveFiles(ids: string[]): Promise<Outcome<void>> {
  for (const id of ids) {
    const archived = await archiveFile(id);
//                         ^^^^^^^^^^^ n-plus-one
    if (archived.isFailure()) {
      return Outcome.fail(archived.error);
    }
  }
  return Outcome.ok();
}

export async function ownerSizes(owners: Array<{ id: string; fileId: string }>): Promise<Outcome<number[]>> {
  const sizes: number[] = [];
  for (const owner of owners) {
    const file = await prisma.file.findUnique({ where: { id: owner.fileId } });
//                     ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (file === null) return Outcome.fail(`no file for ${owner.id}`);
    sizes.push(file.size);
  }
  return Outcome.ok(sizes);
}

export async function firstArchived(ids: string[]): Promise<Outcome<string>> {
  for (const id of ids) {
    const file = await prisma.file.findUnique({ where: { id } });
    if (file?.archived) return Outcome.ok(id);
  }
  return Outcome.fail('none archived');
}

import { Injectable } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

@Injectable()
export class FolderService {
  constructor(private readonly prisma: PrismaService) {}

  /** Walks a folder and everything under it, stopping on the first folder that fails. */
  async snapshot(folderId: string): Promise<Outcome<unknown>> {
    const folder = await this.prisma.folder.findUnique({ where: { id: folderId } });
    if (!folder) return { ok: false, reason: 'missing' };
    const children = await this.prisma.folder.findMany({ where: { parentId: folderId } });
    const nested: unknown[] = [];
    for (const child of children) {
      const result = await this.snapshot(child.id);
//                         ^^^^^^^^^^^^^ n-plus-one
      if (!result.ok) return result;
      nested.push(result.value);
    }
    return { ok: true, value: { ...folder, nested } };
  }

  /** Every root of an owner, each walked the same way. */
  async snapshotAll(ownerId: string): Promise<Outcome<unknown[]>> {
    const roots = await this.prisma.folder.findMany({ where: { ownerId, parentId: null } });
    const all: unknown[] = [];
    for (const root of roots) {
      const result = await this.snapshot(root.id);
//                         ^^^^^^^^^^^^^ n-plus-one
      if (!result.ok) return result;
      all.push(result.value);
    }
    return { ok: true, value: all };
  }

  /** A folder named so under any of the roots: stops at the first that has one. */
  async findNamed(rootIds: string[], name: string) {
    for (const rootId of rootIds) {
      const found = await this.childNamed(rootId, name);
      if (found) return found;
    }
    return null;
  }

  /** Where each hit sits: the path of a folder or of a file. */
  async locateAll(hits: { kind: 'folder' | 'file'; id: string }[]) {
    const paths: unknown[] = [];
    for (const hit of hits) {
      paths.push(await this.locate(hit));
//                     ^^^^^^^^^^^ n-plus-one
    }
    return paths;
  }

  private async childNamed(parentId: string, name: string) {
    return this.prisma.folder.findFirst({ where: { parentId, name } });
  }

  private async locate(hit: { kind: 'folder' | 'file'; id: string }) {
    return hit.kind === 'folder' ? await this.folderPath(hit.id) : await this.filePath(hit.id);
  }

  private async folderPath(id: string) {
    try {
      const query = Prisma.sql`SELECT id, "parentId" FROM "Folder" WHERE id = ${id}`;
      return await this.prisma.$queryRaw(query);
    } catch {
      return [];
    }
  }

  private async filePath(id: string) {
    try {
      const query = Prisma.sql`SELECT id, "folderId" FROM "File" WHERE id = ${id}`;
      return await this.prisma.$queryRaw(query);
    } catch {
      return [];
    }
  }
}

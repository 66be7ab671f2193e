import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface FolderTree {
  id: string;
  name: string;
  children: FolderTree[];
}

type ExportResult = { ok: true; value: FolderTree } | { ok: false; error: string };

export class FolderService {
  constructor(private readonly db: PrismaClient) {}

  async descendantIds(folderId: string): Promise<string[]> {
    const children = await this.db.folder.findMany({ where: { parentId: folderId }, select: { id: true } });
    const ids = [folderId];
    for (const child of children) {
      ids.push(...(await this.descendantIds(child.id)));
//                       ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return ids;
  }

  async exportTree(folderId: string): Promise<FolderTree | undefined> {
    const folder = await this.db.folder.findUnique({ where: { id: folderId }, include: { children: true } });
    if (!folder) return undefined;
    const children = await Promise.all(folder.children.map((child) => this.exportTree(child.id)));
//                                                                    ^^^^^^^^^^^^^^^ n-plus-one
    return { id: folder.id, name: folder.name, children: children.filter((tree): tree is FolderTree => tree !== undefined) };
  }

  // Stops at the first folder that fails, but every folder before it costs its queries.
  async exportFolder(folderId: string): Promise<ExportResult> {
    const folder = await this.db.folder.findUnique({ where: { id: folderId } });
    if (!folder) return { ok: false, error: `folder ${folderId} not found` };
    const children = await this.db.folder.findMany({ where: { parentId: folderId }, orderBy: { position: 'asc' } });
    const trees: FolderTree[] = [];
    for (const child of children) {
      const result = await this.exportFolder(child.id);
//                         ^^^^^^^^^^^^^^^^^ n-plus-one
      if (!result.ok) return result;
      trees.push(result.value);
    }
    return { ok: true, value: { id: folder.id, name: folder.name, children: trees } };
  }
}

const deleteSubtree = async (folderId: string): Promise<void> => {
  const children = await prisma.folder.findMany({ where: { parentId: folderId } });
  for (const child of children) await deleteSubtree(child.id);
//                                    ^^^^^^^^^^^^^ n-plus-one
  await prisma.folder.delete({ where: { id: folderId } });
};

// The tree is already loaded: walking it in memory queries nothing.
export function flatten(tree: FolderTree): string[] {
  const ids = [tree.id];
  for (const child of tree.children) ids.push(...flatten(child));
  return ids;
}

// One page at a time, the next page's call made once, not per item.
export async function allFolders(cursor?: string): Promise<FolderTree[]> {
  const page = await prisma.folder.findMany({ take: 100, ...(cursor && { cursor: { id: cursor }, skip: 1 }) });
  if (page.length < 100) return page.map((folder) => ({ ...folder, children: [] }));
  return [...page.map((folder) => ({ ...folder, children: [] })), ...(await allFolders(page[page.length - 1]!.id))];
}

// A folder's summary refreshes itself in the background with what it was handed: the same folder again, no walk of a tree.
export class FolderSummaries {
  constructor(private readonly db: PrismaClient) {}

  async summary(folderId: string, options: { fresh?: boolean } = {}): Promise<{ id: string; name: string; files: number } | null> {
    const folder = await this.db.folder.findUnique({ where: { id: folderId }, select: { id: true, name: true } });
    if (!folder) return null;
    const files = await this.db.file.count({ where: { folderId } });
    if (!options.fresh) setTimeout(() => void this.summary(folderId, { fresh: true }), 60_000);
    return { ...folder, files };
  }

  async summaries(folderIds: string[]) {
    return Promise.all(folderIds.map((folderId) => this.summary(folderId)));
//                                                 ^^^^^^^^^^^^ n-plus-one
  }
}

export { deleteSubtree };

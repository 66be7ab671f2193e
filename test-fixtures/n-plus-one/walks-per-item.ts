import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// Each visible folder walks up to the root, one query per level: items times depth queries.
export async function ancestorsOf(visibleFolderIds: string[]) {
  const ancestors = new Set<string>();
  for (const folderId of visibleFolderIds) {
    let currentId: string | null = folderId;
    while (currentId) {
      const folder: { parentId: string | null } | null = await prisma.folder.findUnique({ where: { id: currentId }, select: { parentId: true } });
//                                                             ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      if (folder?.parentId) {
        ancestors.add(folder.parentId);
        currentId = folder.parentId;
      } else {
        break;
      }
    }
  }
  return ancestors;
}

// The same walk from each item of an array callback.
export async function depthsOf(folderIds: string[]) {
  return Promise.all(
    folderIds.map(async (folderId) => {
      let depth = 0;
      let current: string | null = folderId;
      while (current) {
        const folder = await prisma.folder.findUnique({ where: { id: current } });
//                           ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
        current = folder?.parentId ?? null;
        depth++;
      }
      return depth;
    }),
  );
}

// One walk, from one folder: each step needs the one before, and nothing repeats it.
export async function pathTo(folderId: string) {
  const path: string[] = [];
  let currentId: string | null = folderId;
  while (currentId) {
    const folder = await prisma.folder.findUnique({ where: { id: currentId } });
    if (!folder) break;
    path.unshift(folder.name);
    currentId = folder.parentId;
  }
  return path;
}

// One walk through a helper of the file that reads the parent: neither rule reports it, as the walk inline above.
async function parentOf(folderId: string) {
  const folder = await prisma.folder.findUnique({ where: { id: folderId } });
  return folder?.parentId ? prisma.folder.findUnique({ where: { id: folder.parentId } }) : null;
}

export async function breadcrumbsOf(folderId: string, name: string) {
  const names = [name];
  let parent = await parentOf(folderId);
  while (parent !== null) {
    names.unshift(parent.name);
    parent = await parentOf(parent.id);
  }
  return names;
}

// Pages of each team's members: the cursor starts empty, not from the item, so the pages are not a walk from it.
export async function membersByTeam(teamIds: string[]) {
  const members = new Map<string, string[]>();
  for (const teamId of teamIds) {
    let cursor: string | undefined;
    do {
      const page = await prisma.member.findMany({ where: { teamId }, take: 100, ...(cursor && { cursor: { id: cursor }, skip: 1 }) });
      members.set(teamId, [...(members.get(teamId) ?? []), ...page.map((member) => member.id)]);
      cursor = page.length === 100 ? page[page.length - 1]!.id : undefined;
    } while (cursor);
  }
  return members;
}

// The lists of one row a single-row write returns (`create` / `update` / `upsert` with `include`) are that row's parts,
// as those of a row `findUnique` loads; so are copies of one record's list. Rows a query returns by a parent's key,
// lists the input hands over, and copies that grow in a loop are still reported.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

declare const cache: { clear(key: string): Promise<void> };
declare function removeFile(key: string): Promise<void>;

export async function createProject(name: string, clientNames: string[]): Promise<void> {
  const project = await prisma.project.create({
    data: { name, clients: { create: clientNames.map((clientName) => ({ name: clientName })) } },
    include: { clients: { select: { id: true } } },
  });
  await Promise.all([cache.clear(project.id), ...project.clients.map((client) => cache.clear(client.id))]);
}

export async function renameProject(id: string, name: string): Promise<void> {
  const updated = await prisma.project.update({ where: { id }, data: { name }, include: { clients: true } });
  await Promise.all(updated.clients.map((client) => cache.clear(client.id)));
}

export async function saveProject(id: string, name: string): Promise<void> {
  const saved = await prisma.project.upsert({ where: { id }, create: { id, name }, update: { name }, include: { clients: true } });
  const { clients } = saved;
  await Promise.all(clients.map((client) => cache.clear(client.id)));
}

/** Every client of one project, read by the project's key: as many as the data holds. */
export async function clearProjectClients(projectId: string): Promise<void> {
  const clients = await prisma.client.findMany({ where: { projectId } });
  await Promise.all(clients.map((client) => cache.clear(client.id)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

/** The lists the caller hands over are as long as the caller makes them, whatever was written beside them. */
export async function createClients(projectId: string, clientNames: string[]): Promise<void> {
  await prisma.project.update({ where: { id: projectId }, data: { updatedAt: new Date() } });
  await Promise.all(clientNames.map((clientName) => cache.clear(`${projectId}:${clientName}`)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

interface Bookmark {
  userId: string;
  coverKey?: string;
  assets: Array<{ key: string }>;
}

export class BookmarkFiles {
  constructor(private readonly bookmark: Bookmark) {}

  async removeAll(): Promise<void> {
    const keys = new Set(this.bookmark.assets.map((asset) => asset.key));
    if (this.bookmark.coverKey) keys.add(this.bookmark.coverKey);
    await Promise.all(Array.from(keys).map((key) => removeFile(key)));
  }

  async removeWith(extraKeys: string[]): Promise<void> {
    const keys = new Set(this.bookmark.assets.map((asset) => asset.key));
    for (const key of extraKeys) keys.add(key);
    await Promise.all(Array.from(keys).map((key) => removeFile(key)));
    //    ^^^^^^^^^^^ unbounded-promise-all
  }
}

export async function removeUserFiles(userId: string): Promise<void> {
  const assets = await prisma.asset.findMany({ where: { userId } });
  const keys = new Set(assets.map((asset) => asset.key));
  await Promise.all(Array.from(keys).map((key) => removeFile(key)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

// valid: batched queries, look-ups in memory, pagination and fixed small loops
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function withAuthors(postIds: number[]) {
  const posts = await prisma.post.findMany({ where: { id: { in: postIds } }, include: { author: true } });
  const authors = new Map(posts.map((post) => [post.authorId, post.author]));
  for (const post of posts) {
    const author = authors.get(post.authorId);
    console.log(post.title, author?.name, posts.find((other) => other.id === post.id)?.title);
  }
}

export async function exportAll(handle: (rows: unknown[]) => void) {
  let cursor: number | undefined;
  for (;;) {
    const page = await prisma.user.findMany({ take: 100, ...(cursor !== undefined && { skip: 1, cursor: { id: cursor } }), orderBy: { id: 'asc' } });
    if (page.length === 0) break;
    handle(page);
    cursor = page[page.length - 1]!.id;
  }
}

export async function firstFree(candidates: string[]) {
  for (const slug of candidates) {
    const taken = await prisma.project.findUnique({ where: { slug } });
    if (!taken) return slug;
  }
  return undefined;
}

export async function seedRoles() {
  for (const name of ['admin', 'member', 'guest']) {
    await prisma.role.upsert({ where: { name }, create: { name }, update: {} });
  }
}

class UserCache {
  private readonly cache = new Map<string, { name: string }>();
  findUnique(id: string) {
    return this.cache.get(id);
  }
  names(ids: string[]) {
    return ids.map((id) => this.findUnique(id)?.name);
  }
}

export const cache = new UserCache();

export async function descendants(rootId: number) {
  const found: number[] = [];
  const queue = [rootId];
  while (queue.length > 0) {
    const parentId = queue.shift()!;
    const children = await prisma.folder.findMany({ where: { parentId }, select: { id: true } });
    for (const child of children) {
      found.push(child.id);
      queue.push(child.id);
    }
  }
  return found;
}

export async function waitForExport(jobId: string, sleep: (ms: number) => Promise<void>) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const job = await prisma.exportJob.findUnique({ where: { id: jobId } });
    if (job?.status === 'done') return job;
    await sleep(1000);
  }
  throw new Error('export timed out');
}

// The groups every new team starts with: a list written in the code, not one that grows with the data.
const TEAM_DEFAULT_GROUPS = [
  { role: 'ADMIN', name: 'Admins' },
  { role: 'MEMBER', name: 'Members' },
] as const;

export async function createTeamGroups(teamId: number) {
  await Promise.all(TEAM_DEFAULT_GROUPS.map((group) => prisma.teamGroup.create({ data: { teamId, ...group } })));
  for (const [role, name] of Object.entries(ROLE_LABELS)) await prisma.teamRole.create({ data: { teamId, role, name } });
}

const ROLE_LABELS: Record<string, string> = { ADMIN: 'Administrator', MEMBER: 'Member' };

// The scopes a new API key starts with, written out in the function: three upserts, whatever the data.
export async function grantDefaultScopes(apiKeyId: number) {
  const scopes = ['read', 'write', 'admin'];
  await Promise.all(
    scopes.map((scope) => prisma.apiKeyScope.upsert({ where: { apiKeyId_scope: { apiKeyId, scope } }, create: { apiKeyId, scope }, update: {} })),
  );
}

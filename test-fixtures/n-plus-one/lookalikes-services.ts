import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import axios from 'axios';

const prisma = new PrismaClient();

interface CacheStore {
  get<T>(key: string): Promise<T | undefined>;
}

/** Queries only on a cache miss: not counted as a query per call. */
async function cachedUser(cache: Map<string, { name: string }>, id: string) {
  const hit = cache.get(id);
  if (hit) return hit;
  return prisma.user.findUnique({ where: { id } });
}

/** Queries only when asked to. */
async function maybeAudit(id: string, audit: boolean) {
  if (audit) await prisma.audit.create({ data: { id } });
  return id;
}

@Injectable()
export class ProfileService {
  constructor(private readonly http: HttpService, private readonly cacheManager: CacheStore) {}

  async render(ids: string[], users: Array<{ id: string; name: string }>, cache: Map<string, { name: string }>) {
    const rows = [];
    for (const id of ids) {
      const user = users.find((candidate) => candidate.id === id);
      const cached = await this.cacheManager.get<string>(`profile:${id}`);
//                   ^^^^^ await-in-loop
      const remote = await this.http.axiosRef.get(`/profiles/${id}`);
      const plain = await axios.get(`/avatars/${id}`);
      const hit = await cachedUser(cache, id);
      rows.push({ user, cached, remote, plain, hit, audited: await maybeAudit(id, false) });
    }
    return rows;
  }
}

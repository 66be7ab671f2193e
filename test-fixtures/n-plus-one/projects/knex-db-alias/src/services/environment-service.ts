import type { IEnvironmentStore } from '../types/index.js';
import type { AuditRepository } from '../features/audit-repository';
import { archive, markSeen, unseenQuery } from '../features/notifications';
import type { Db } from '../db/db';
import type { FlagCache } from '../cache/flag-cache';

export class EnvironmentService {
  constructor(
    private environmentStore: IEnvironmentStore,
    private audit: AuditRepository,
    private flags: FlagCache,
    private db: Db,
  ) {}

  async updateSortOrder(sortOrder: Record<string, number>): Promise<void> {
    for (const name of Object.keys(sortOrder)) {
      await this.environmentStore.updateSortOrder(name, sortOrder[name]!);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async sortOrders(names: string[]): Promise<number[]> {
    return Promise.all(names.map(async (name) => (await this.environmentStore.get(name))?.sortOrder ?? 0));
//                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async recordAll(subjects: string[]): Promise<void> {
    for (const subject of subjects) {
      await this.audit.record('touched', subject);
//          ^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async markAllSeen(ids: string[]): Promise<void> {
    for (const id of ids) {
      await markSeen(this.db, id);
//          ^^^^^^^^ n-plus-one
    }
  }

  async archiveAll(ids: string[]): Promise<void> {
    for (const id of ids) {
      await archive(this.db, id);
//          ^^^^^^^ n-plus-one
    }
  }

  unseenQueries(users: string[]): string[] {
    return users.map((user) => unseenQuery(this.db, user));
  }

  enabledFlags(names: string[]): boolean[] {
    return names.map((name) => this.flags.enabled(name));
  }

  async refreshFlags(names: string[]): Promise<void> {
    for (const name of names) {
      await this.flags.refresh(name);
//    ^^^^^ await-in-loop
    }
  }
}

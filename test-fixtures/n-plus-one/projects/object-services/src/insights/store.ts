// valid
import { db } from '../db';
import type { InsightStore } from './types';

export const insightStore: InsightStore = {
  async listProjectIds() {
    const projects = await db.project.findMany({ select: { id: true } });
    return projects.map((project) => project.id);
  },

  async getActiveInsight({ projectId, dimensionKey }) {
    return db.projectInsight.findFirst({ where: { projectId, dimensionKey, closedAt: null } });
  },

  async closeInsight(id) {
    await db.projectInsight.update({ where: { id }, data: { closedAt: new Date() } });
  },
};

// Promises pushed into a list in a loop, then awaited together, run a query per item as a .map would;
// over a fixed list of fields they run as many as it holds.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

const RELATION_FIELDS = ['tags', 'authors'] as const;

type RelationOp = { field: string; kind: 'add' | 'remove'; targetIds: string[] };

export class RelationWriter {
  applyRelationOps(ownerId: string, ops: RelationOp[]) {
    const pending: Promise<unknown>[] = [];
    ops.forEach((op) => {
      if (op.kind === 'add') {
        for (const targetId of op.targetIds) {
          pending.push(this.link(op.field, ownerId, targetId));
//                     ^^^^^^^^^ n-plus-one
        }
      }
    });
    return Promise.all(pending);
  }

  async unlinkOwner(ownerId: string) {
    const pending: Promise<unknown>[] = [];
    for (const field of RELATION_FIELDS) pending.push(this.unlinkAll(field, ownerId));
    await Promise.all(pending);
  }

  private link(field: string, ownerId: string, targetId: string) {
    return prisma.relationLink.create({ data: { field, ownerId, targetId } });
  }

  private unlinkAll(field: string, ownerId: string) {
    return prisma.relationLink.deleteMany({ where: { field, ownerId } });
  }
}

import { and, eq, inArray } from 'drizzle-orm';
import { auditRow, emitAudit } from '../audit';
import { withTiming, withTransaction, type ServiceContext } from '../context';
import { auditLog, monitor } from '../schema';

export async function removeMonitors(ctx: ServiceContext, ids: number[]) {
  await withTransaction(ctx, async (tx) => {
    const existing = await tx.select().from(monitor).where(inArray(monitor.id, ids));
    await tx.update(monitor).set({ deletedAt: new Date() }).where(inArray(monitor.id, ids));
    for (const row of existing) {
      await emitAudit(tx, ctx, { action: 'monitor.delete', entityId: row.id, before: row });
//          ^^^^^^^^^ n-plus-one
    }
  });
}

export async function pauseMonitors(ctx: ServiceContext, ids: number[]) {
  await withTransaction(ctx, async (tx) => {
    for (const id of ids) {
      await tx.update(monitor).set({ active: false }).where(and(eq(monitor.id, id), eq(monitor.workspaceId, ctx.workspaceId)));
//          ^^^^^^^^^ n-plus-one
    }
  });
}

export async function restoreMonitors(ctx: ServiceContext, ids: number[]) {
  await withTransaction(ctx, async (tx) => {
    const restored = await tx.update(monitor).set({ deletedAt: null }).where(inArray(monitor.id, ids)).returning();
    await tx.insert(auditLog).values(restored.map((row) => auditRow(tx, ctx, { action: 'monitor.restore', entityId: row.id })));
  });
}

export async function checkMonitors(ctx: ServiceContext, ids: number[]) {
  await withTiming('check', async (timer) => {
    for (const id of ids) await timer.lap(`monitor ${id} of ${ctx.workspaceId}`);
//                        ^^^^^ await-in-loop
  });
}

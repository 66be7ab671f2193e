import { and, eq } from 'drizzle-orm';
import type { Store, StoreOrTx } from '../client';
import { payments } from '../tables';

export async function findPayment(db: Store, input: { planId: string; cycle: number }) {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.planId, input.planId), eq(payments.cycle, input.cycle)))
    .limit(1);
  return row ?? null;
}

export async function setPaymentState(db: StoreOrTx, input: { id: string; state: string }) {
  const [row] = await db.update(payments).set({ state: input.state }).where(eq(payments.id, input.id)).returning();
  return row;
}

export async function closePlans(db: Store, planIds: string[]) {
  for (const planId of planIds) {
    await db.update(payments).set({ state: 'closed' }).where(eq(payments.planId, planId));
//        ^^^^^^^^^ n-plus-one
  }
}

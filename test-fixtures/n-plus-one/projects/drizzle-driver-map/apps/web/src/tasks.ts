import { db, eq, mailer, schema } from '@planner/db';

export async function rerank(order: string[]) {
  for (const [rank, id] of order.entries()) {
    await db.update(schema.tasks).set({ rank }).where(eq(schema.tasks.id, id));
//        ^^^^^^^^^ n-plus-one
  }
}

export async function remind(owners: string[]) {
  for (const to of owners) {
    await mailer.sendMail({ to, subject: 'Tasks due today' });
//  ^^^^^ await-in-loop
  }
}

import type { PrismaClientOrTransaction, TransactionClient } from '@relay/database';

export class ScheduleInstances {
  constructor(private readonly db: PrismaClientOrTransaction) {}

  async attach(scheduleId: string, environmentIds: string[]) {
    for (const environmentId of environmentIds) {
      await this.db.scheduleInstance.create({ data: { scheduleId, environmentId } });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async detach(instanceIds: string[]) {
    await this.db.scheduleInstance.deleteMany({ where: { id: { in: instanceIds } } });
  }
}

export async function renameAll(tx: TransactionClient, names: Map<string, string>) {
  await Promise.all([...names].map(([id, name]) => tx.schedule.update({ where: { id }, data: { name } })));
//                                                 ^^^^^^^^^^^^^^^^^^ n-plus-one
}

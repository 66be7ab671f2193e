import { PrismaClient } from '@relay/database';

export class DatabaseService extends PrismaClient {}

export async function countRuns(database: DatabaseService, scheduleIds: string[]) {
  return Promise.all(scheduleIds.map((scheduleId) => database.run.count({ where: { scheduleId } })));
//                                                   ^^^^^^^^^^^^^^^^^^ n-plus-one
}

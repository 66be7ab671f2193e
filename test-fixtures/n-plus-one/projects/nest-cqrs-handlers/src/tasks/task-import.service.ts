import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SyncTaskCommand } from './commands/sync-task.command';

interface ImportedTask {
  id: string;
  summary: string;
  dueAt?: Date;
}

const WEEK = 7 * 24 * 60 * 60 * 1000;

@Injectable()
export class TaskImportService {
  constructor(private readonly commandBus: CommandBus) {}

  async syncTasks(tasks: ImportedTask[]) {
    return Promise.all(
      tasks.map(async ({ id, summary, dueAt }) => {
        if (!dueAt) dueAt = new Date(Date.now() + WEEK);
        return await this.commandBus.execute(new SyncTaskCommand({ sourceId: id, title: summary, dueAt }));
        //           ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      }),
    );
  }
}

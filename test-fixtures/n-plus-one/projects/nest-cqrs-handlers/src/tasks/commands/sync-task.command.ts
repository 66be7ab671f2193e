// valid
import type { Task } from '../task.entity';

export class SyncTaskCommand {
  constructor(public readonly input: Partial<Task> & { sourceId: string }) {}
}

// valid
import type { Task } from '../task.entity';

export class CreateTaskCommand {
  constructor(public readonly input: Partial<Task>) {}
}

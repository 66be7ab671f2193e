// valid
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Task } from '../../task.entity';
import { CreateTaskCommand } from '../create-task.command';
import { SyncTaskCommand } from '../sync-task.command';

@CommandHandler(SyncTaskCommand)
export class SyncTaskHandler implements ICommandHandler<SyncTaskCommand> {
  constructor(
    private readonly commandBus: CommandBus,
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
  ) {}

  async execute({ input }: SyncTaskCommand) {
    try {
      const known = await this.tasks.findOneByOrFail({ sourceId: input.sourceId });
      try {
        await this.tasks.findOneByOrFail({ id: known.id });
        await this.commandBus.execute(new CreateTaskCommand({ ...input, id: known.id }));
      } catch {
        await this.commandBus.execute(new CreateTaskCommand(input));
      }
      return known;
    } catch {
      const task = await this.commandBus.execute(new CreateTaskCommand(input));
      return await this.commandBus.execute(new CreateTaskCommand(task));
    }
  }
}

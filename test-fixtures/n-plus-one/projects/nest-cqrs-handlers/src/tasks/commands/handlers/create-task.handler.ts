// valid
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Task } from '../../task.entity';
import { CreateTaskCommand } from '../create-task.command';

@CommandHandler(CreateTaskCommand)
export class CreateTaskHandler implements ICommandHandler<CreateTaskCommand> {
  constructor(@InjectRepository(Task) private readonly tasks: Repository<Task>) {}

  async execute({ input }: CreateTaskCommand) {
    return this.tasks.save(this.tasks.create(input));
  }
}

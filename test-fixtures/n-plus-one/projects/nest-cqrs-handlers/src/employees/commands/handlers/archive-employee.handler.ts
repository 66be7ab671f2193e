// valid
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Employee } from '../../employee.entity';
import { ArchiveEmployeeCommand } from '../archive-employee.command';

@CommandHandler(ArchiveEmployeeCommand)
export class ArchiveEmployeeHandler implements ICommandHandler<ArchiveEmployeeCommand> {
  constructor(@InjectRepository(Employee) private readonly employees: Repository<Employee>) {}

  async execute({ id }: ArchiveEmployeeCommand) {
    await this.employees.update(id, { totalWorkHours: 0 });
    await this.employees.softDelete(id);
  }
}

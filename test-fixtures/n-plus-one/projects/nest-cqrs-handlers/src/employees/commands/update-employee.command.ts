// valid
import { ICommand } from '@nestjs/cqrs';
import { Employee } from '../employee.entity';

export class UpdateEmployeeCommand implements ICommand {
  constructor(public readonly input: Partial<Employee> & { id: string }) {}
}

// valid
import { NotFoundException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EmployeeService } from '../../employee.service';
import { UpdateEmployeeCommand } from '../update-employee.command';

@CommandHandler(UpdateEmployeeCommand)
export class UpdateEmployeeHandler implements ICommandHandler<UpdateEmployeeCommand> {
  constructor(private readonly employeeService: EmployeeService) {}

  async execute(command: UpdateEmployeeCommand) {
    const { input } = command;
    const employee = await this.employeeService.findOneByIdString(input.id);
    if (!employee) throw new NotFoundException(input.id);
    return this.employeeService.update(input.id, input);
  }
}

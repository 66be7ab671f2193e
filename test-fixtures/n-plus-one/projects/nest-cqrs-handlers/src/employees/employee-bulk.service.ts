import { Injectable } from '@nestjs/common';
import { CommandBus, EventBus, QueryBus } from '@nestjs/cqrs';
import { Employee } from './employee.entity';
import { SendWelcomeCommand } from './commands/send-welcome.command';
import { UpdateEmployeeCommand } from './commands/update-employee.command';
import { ArchiveEmployeeCommand } from './commands/archive-employee.command';
import { EmployeeUpdatedEvent } from './events/employee-updated.event';
import { GetEmployeeQuery } from './queries/get-employee.query';

@Injectable()
export class EmployeeBulkService {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly _queryBus: QueryBus,
    private readonly eventBus: EventBus,
  ) {}

  async updateMany(inputs: Array<Partial<Employee> & { id: string }>) {
    for (const input of inputs) {
      await this.commandBus.execute(new UpdateEmployeeCommand(input));
//          ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async findMany(ids: string[]) {
    return Promise.all(ids.map((id) => this._queryBus.execute(new GetEmployeeQuery(id))));
//                                     ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async welcomeAll(emails: string[]) {
    for (const email of emails) {
      await this.commandBus.execute(new SendWelcomeCommand(email));
//    ^^^^^ await-in-loop
    }
  }

  async archive(ids: string[]) {
    await Promise.all(ids.map((id) => this.commandBus.execute(new ArchiveEmployeeCommand(id))));
//                                    ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  announce(ids: string[]) {
    for (const id of ids) this.eventBus.publish(new EmployeeUpdatedEvent(id));
  }
}

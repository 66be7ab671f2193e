// valid
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { EmployeeService } from '../../employee.service';
import { EmployeeUpdatedEvent } from '../employee-updated.event';

@EventsHandler(EmployeeUpdatedEvent)
export class EmployeeUpdatedHandler implements IEventHandler<EmployeeUpdatedEvent> {
  constructor(private readonly employeeService: EmployeeService) {}

  async handle(event: EmployeeUpdatedEvent) {
    await this.employeeService.update(event.id, { totalWorkHours: 0 });
  }
}

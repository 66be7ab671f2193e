// valid
import { IEvent } from '@nestjs/cqrs';

export class EmployeeUpdatedEvent implements IEvent {
  constructor(public readonly id: string) {}
}

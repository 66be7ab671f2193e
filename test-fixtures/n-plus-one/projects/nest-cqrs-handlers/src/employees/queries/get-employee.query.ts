// valid
import { IQuery } from '@nestjs/cqrs';

export class GetEmployeeQuery implements IQuery {
  constructor(public readonly id: string) {}
}

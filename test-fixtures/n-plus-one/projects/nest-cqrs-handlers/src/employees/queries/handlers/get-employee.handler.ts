// valid
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EmployeeService } from '../../employee.service';
import { GetEmployeeQuery } from '../get-employee.query';

@QueryHandler(GetEmployeeQuery)
export class GetEmployeeHandler implements IQueryHandler<GetEmployeeQuery> {
  constructor(private readonly employeeService: EmployeeService) {}

  async execute(query: GetEmployeeQuery) {
    return this.employeeService.findOneByIdString(query.id);
  }
}
